/**
 * An `EventFilter` as SQL over `events AS e`: every top-level criterion ANDed, the values of one
 * criterion ORed, empty lists adding nothing (Prefect's rules).
 * @see ../../../../shared/fixtures/prefect-filters/README.md
 */
import { timestampMicros } from '../../lib/time';
import type { EventFilter } from '../../schemas/filter';
import { and, type Fragment, fragment, inList, NEVER, present } from './fragment';
import { prefixGlob } from './labels';
import { type Access, globsAny } from './lists';
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
  const name = fragment('e.event');
  if (present(filter?.prefix)) conditions.push(globsAny(name, filter.prefix.map(prefixGlob)));
  if (present(filter?.exclude_prefix)) {
    const excluded = globsAny(name, filter.exclude_prefix.map(prefixGlob));
    conditions.push(fragment(`NOT (${excluded.sql})`, ...excluded.params));
  }
  if (present(filter?.name)) conditions.push(inList('e.event', filter.name));
  if (present(filter?.exclude_name)) conditions.push(inList('e.event', filter.exclude_name, true));
  return conditions;
}

/**
 * The payload as lower-cased JSON text. A body SQLite's JSON functions refuse (nested over 1000
 * deep) counts as an empty payload: without the guard, one such event would make every text
 * search fail with "malformed JSON".
 */
const PAYLOAD_TEXT = "lower(iif(json_valid(e.body), coalesce(json_extract(e.body, '$.payload'), ''), ''))";

/**
 * `search` holds the lower-cased event name and label values; the payload is searched as its
 * JSON text, keys included (Prefect searches the payload as text). `instr` is an exact substring
 * test (no LIKE wildcards). Keeping the payload out of `search` keeps writes cheap; text search
 * scans either way.
 */
function contains(term: string): string {
  return `(instr(e.search, ${term}) > 0 OR instr(${PAYLOAD_TEXT}, ${term}) > 0)`;
}

/** The event contains one of `terms` (`every`: all of them); each list is one JSON parameter. */
function containsTerms(terms: readonly string[], every = false): Fragment {
  if (terms.length === 0) return NEVER;
  if (terms.length === 1) return fragment(contains('?'), terms[0], terms[0]);
  const test = every
    ? `NOT EXISTS (SELECT 1 FROM json_each(?) AS term WHERE NOT ${contains('term.value')})`
    : `EXISTS (SELECT 1 FROM json_each(?) AS term WHERE ${contains('term.value')})`;
  return fragment(test, JSON.stringify(terms));
}

function textConditions(query: string): Fragment[] {
  if (!query.trim()) return [];
  const terms = parseTextQuery(query.toLowerCase());
  const conditions: Fragment[] = [];
  if (terms.include.length > 0) conditions.push(containsTerms(terms.include));
  if (terms.exclude.length > 0) {
    const excluded = containsTerms(terms.exclude);
    conditions.push(fragment(`NOT ${excluded.sql}`, ...excluded.params));
  }
  if (terms.required.length > 0) conditions.push(containsTerms(terms.required, true));
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

/**
 * Takes `filter` apart into its window, name, own-column and resource-row conditions, written for
 * `access`: a time window through the indexes (pages, counts), or a short scan of events (following
 * new arrivals).
 */
export function compileFilter(filter: EventFilter, access: Access = 'window'): CompiledFilter {
  const own = primaryIdConditions(filter.resource, access);
  if (present(filter.id?.id)) own.push(inList('e.id', filter.id.id));
  if (filter.text) own.push(...textConditions(filter.text.query));
  return {
    window: occurredWindow(filter),
    names: eventConditions(filter.event),
    own,
    resources: resourceCriteria(filter, access),
  };
}

/** The WHERE clause (without the keyword) selecting the events `filter` matches. */
export function whereClause(filter: EventFilter | CompiledFilter): Fragment {
  const { window, names, own, resources } = 'window' in filter ? filter : compileFilter(filter);
  const occurred = fragment('e.occurred >= ? AND e.occurred <= ?', window.since, window.until);
  return and([occurred, ...names, ...own, ...resources.map((criterion) => hasResource(criterion, window))]) as Fragment;
}
