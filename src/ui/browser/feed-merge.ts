/** Puts server-rendered day sections into the feed's list: newer ones on top (live), older below (load more). */

function sections(root: ParentNode): NodeListOf<HTMLElement> {
  return root.querySelectorAll<HTMLElement>('section.day');
}

/**
 * Puts the day sections of `fragment` before (`atTop`, live) or after (load more) those in `list`;
 * a section for the day already at that edge gives its rows to the shown one.
 */
export function mergeDays(list: HTMLElement, fragment: ParentNode, atTop: boolean): void {
  list.querySelector('.empty')?.remove();
  const incoming = Array.from(sections(fragment));
  if (atTop) incoming.reverse();
  for (const section of incoming) {
    const shown = sections(list);
    const edge = atTop ? shown[0] : shown[shown.length - 1];
    const target = edge?.getAttribute('data-day') === section.getAttribute('data-day') ? edge?.querySelector('ol') : null;
    if (target) {
      const rows = Array.from(section.querySelectorAll('li.event-row'));
      if (atTop) {
        for (const row of rows.reverse()) target.insertBefore(row, target.firstChild);
      } else {
        for (const row of rows) target.appendChild(row);
      }
    } else if (atTop) {
      list.insertBefore(section, list.firstChild);
    } else {
      list.appendChild(section);
    }
  }
}

/** Drops rows of `fragment` already in `list` (and days left empty), marks the rest new; returns how many are new. */
export function keepFreshRows(list: HTMLElement, fragment: ParentNode): number {
  let fresh = 0;
  fragment.querySelectorAll('li.event-row').forEach((row) => {
    const id = row.getAttribute('data-id') ?? '';
    if (list.querySelector(`li.event-row[data-id="${id}"]`) !== null) {
      row.remove();
    } else {
      row.classList.add('new');
      fresh += 1;
    }
  });
  sections(fragment).forEach((section) => {
    if (!section.querySelector('li.event-row')) section.remove();
  });
  return fresh;
}
