/**
 * The preset picker (new-webhook page): the filter box hides the presets (list items and "Start
 * from" options) whose text lacks any typed word — a hidden preset that was chosen gives way to the
 * first match; a preset's title button selects it. The words are matched against the same text the
 * server searches (`data-search`).
 */

function matches(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

export function startPresetPicker(): void {
  const filter = document.getElementById('preset-filter') as HTMLInputElement | null;
  const select = document.getElementById('source') as HTMLSelectElement | null;
  const count = document.getElementById('preset-count');
  const list = document.getElementById('preset-list');
  if (!filter || !select || !list) return;
  const items = Array.from(list.querySelectorAll<HTMLLIElement>('li[data-search]'));
  const texts = new Map(items.map((item) => [item.dataset.preset ?? '', item.dataset.search ?? '']));

  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const ok = matches(item.dataset.search ?? '', words);
      item.hidden = !ok;
      if (ok) shown++;
    }
    let first: HTMLOptionElement | undefined;
    for (const option of Array.from(select.options)) {
      const text = texts.get(option.value);
      if (text === undefined) continue;
      const ok = matches(text, words);
      option.hidden = !ok;
      option.disabled = !ok;
      if (ok && !first) first = option;
    }
    const current = select.options[select.selectedIndex];
    // A preset the filter hid does not stay chosen: the first match takes its place.
    if (first && current?.disabled) select.value = first.value;
    if (count) count.textContent = shown === items.length ? `${items.length} presets` : `${shown} of ${items.length} presets`;
  };

  filter.addEventListener('input', apply);
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  list.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-choose]');
    if (!button) return;
    select.value = button.dataset.choose ?? '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.focus();
  });
}
