/**
 * Resources as chips: each is a link that filters the feed by that resource, keeping the current
 * filters (so chips work without script and with the keyboard).
 */
import { RESOURCE_ID, RESOURCE_NAME, RESOURCE_ROLE } from '../../schemas/event';
import { type FeedQuery, feedSearch } from '../feed-query';

const FEED = '/ui/events';

export function RelatedChip({ labels, query }: { labels: Record<string, string>; query: FeedQuery }) {
  const id = labels[RESOURCE_ID] ?? '';
  const role = labels[RESOURCE_ROLE] ?? '';
  const name = labels[RESOURCE_NAME];
  const active = query.related === id;
  return (
    <li>
      <a
        class={active ? 'chip active' : 'chip'}
        href={`${FEED}${feedSearch(query, { related: id, live: query.live })}`}
        title={`${role}: ${id}`}
        aria-label={`Filter by related ${role} ${name ?? id}`}
        aria-current={active ? 'true' : undefined}
      >
        <span class="chip-role">{role}</span> {name ?? id}
      </a>
    </li>
  );
}

export function RelatedChips({ related, query }: { related: Record<string, string>[]; query: FeedQuery }) {
  if (related.length === 0) return null;
  return (
    <ul class="chips" aria-label="Related resources">
      {related.map((labels) => (
        <RelatedChip labels={labels} query={query} />
      ))}
    </ul>
  );
}

export function ResourceLink({ resource, query }: { resource: Record<string, string>; query: FeedQuery }) {
  const id = resource[RESOURCE_ID] ?? '';
  const name = resource[RESOURCE_NAME];
  return (
    <a
      class="resource"
      href={`${FEED}${feedSearch(query, { resource: id, resource_match: 'id' })}`}
      aria-label={`Filter by resource ${name ?? id}`}
    >
      {name && <span class="resource-name">{name}</span>}
      <code class="resource-id">{id}</code>
    </a>
  );
}
