/**
 * An `EventFilter` as SQL over `events AS e`: every top-level criterion ANDed, the values of one
 * criterion ORed, empty lists adding nothing (Prefect's rules).
 * @see ../../../../shared/fixtures/prefect-filters/README.md
 */
import { timestampMicros } from '../../core/time';
import type { EventFilter } from '../../schemas/filter';
import { and, type Fragment, fragment, inList, or, present } from './fragment';
import { prefixGlob } from './labels';
import { hasResource, primaryIdConditions, type ResourceCriterion, resourceCriteria, type Window } from './resources';
import { parseTextQuery } from './text-query';

function micros(timestamp: string | undefined, unbounded: number): number {
  return timestamp === undefined ? unbounded : timestampMicros(timestamp);
}

/**
 * The filter's occurred window in microseconds, both ends inclusive. The API always resolves
 * Prefect's defaults first; a bound still missing here (a store caller's) means no bound.
 */
export function occurredWindow(filter: EventFilter): Window {
  return {
    since: micros(filter.occurred?.since, Number.MIN_SAFE_INTEGER),
    until: micros(filter.occurred?.until, Number.MAX_SAFE_INTEGER),
  };
}

function eventConditions(filter: EventFilter['event']): Fragment[] {
  const conditions: Fragment[] = [];
  if (present(filter?.prefix)) {
    conditions.push(or(filter.prefix.map((prefix) => fragment('e.event GLOB ?', prefixGlob(prefix)))));
  }
  for (const prefix of filter?.exclude_prefix ?? []) conditions.push(fragment('NOT (e.event GLOB ?)', prefixGlob(prefix)));
  if (present(filter?.name)) conditions.push(inList('e.event', filter.name));
  if (present(filter?.exclude_name)) conditions.push(inList('e.event', filter.exclude_name, true));
  return conditions;
}

/**
 * `search` holds the lower-cased event name and label values; the payload is searched as its
 * JSON text, keys included (Prefect searches the payload as text). `instr` is an exact substring
 * test (no LIKE wildcards). Keeping the payload out of `search` keeps writes cheap; text search
 * scans either way.
 */
const MATCHES_TEXT = "(instr(e.search, ?) > 0 OR instr(lower(coalesce(json_extract(e.body, '$.payload'), '')), ?) > 0)";

function textConditions(query: string): Fragment[] {
  if (!query.trim()) return [];
  const terms = parseTextQuery(query.toLowerCase());
  const contains = (term: string) => fragment(MATCHES_TEXT, term, term);
  const conditions: Fragment[] = [];
  if (terms.include.length > 0) conditions.push(or(terms.include.map(contains)));
  for (const term of terms.exclude) conditions.push(fragment(`NOT ${MATCHES_TEXT}`, term, term));
  conditions.push(...terms.required.map(contains));
  return conditions;
}

/** A filter taken apart the way the queries need it. */
export interface CompiledFilter {
  window: Window;
  /** Conditions on the event name alone (column `e.event`). */
  names: Fragment[];
  /** Conditions on the other columns of `events`: primary resource id, event id, text. */
  own: Fragment[];
  /** Conditions on resource rows, each to hold on one row of `event_resources`. */
  resources: ResourceCriterion[];
}

/** Takes `filter` apart into its window, name, own-column and resource-row conditions. */
export function compileFilter(filter: EventFilter): CompiledFilter {
  const own = primaryIdConditions(filter.resource);
  if (present(filter.id?.id)) own.push(inList('e.id', filter.id.id));
  if (filter.text) own.push(...textConditions(filter.text.query));
  return { window: occurredWindow(filter), names: eventConditions(filter.event), own, resources: resourceCriteria(filter) };
}

/** The WHERE clause (without the keyword) selecting the events `filter` matches. */
export function whereClause(filter: EventFilter | CompiledFilter): Fragment {
  const { window, names, own, resources } = 'window' in filter ? filter : compileFilter(filter);
  const occurred = fragment('e.occurred >= ? AND e.occurred <= ?', window.since, window.until);
  return and([occurred, ...names, ...own, ...resources.map((criterion) => hasResource(criterion, window))]) as Fragment;
}
