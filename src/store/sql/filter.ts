/**
 * An `EventFilter` as SQL over `events AS e`: every top-level criterion ANDed, the values of one
 * criterion ORed, empty lists adding nothing (Prefect's rules).
 * @see ../../../../shared/fixtures/prefect-filters/README.md
 */
import { timestampMicros } from '../../lib/time';
import type { EventFilter } from '../../schemas/filter';
import { type Dialect, SQLITE } from './dialect';
import { and, type Fragment, fragment, inList, NEVER, present } from './fragment';
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

function eventConditions(dialect: Dialect, filter: EventFilter['event']): Fragment[] {
  const conditions: Fragment[] = [];
  const name = fragment('e.event');
  const prefixes = (list: readonly string[]) => list.map((prefix) => dialect.prefixPattern(prefix));
  if (present(filter?.prefix)) conditions.push(globsAny(dialect, name, prefixes(filter.prefix)));
  if (present(filter?.exclude_prefix)) {
    const excluded = globsAny(dialect, name, prefixes(filter.exclude_prefix));
    conditions.push(fragment(`NOT (${excluded.sql})`, ...excluded.params));
  }
  if (present(filter?.name)) conditions.push(inList(dialect, 'e.event', filter.name));
  if (present(filter?.exclude_name)) conditions.push(inList(dialect, 'e.event', filter.exclude_name, true));
  return conditions;
}

/**
 * `search` holds the lower-cased event name and label values; the payload is searched as its
 * JSON text, keys included (Prefect searches the payload as text). The test is an exact substring
 * test (no LIKE wildcards). Keeping the payload out of `search` keeps writes cheap; text search
 * scans either way.
 */
function contains(dialect: Dialect, term: string): string {
  return `(${dialect.contains('e.search', term)} OR ${dialect.contains(dialect.payloadText, term)})`;
}

/** The event contains one of `terms` (`every`: all of them); each list is one JSON parameter. */
function containsTerms(dialect: Dialect, terms: readonly string[], every = false): Fragment {
  if (terms.length === 0) return NEVER;
  if (terms.length === 1) return fragment(contains(dialect, '?'), terms[0], terms[0]);
  const test = every
    ? `NOT EXISTS (SELECT 1 FROM ${dialect.jsonValues('term')} WHERE NOT ${contains(dialect, 'term.value')})`
    : `EXISTS (SELECT 1 FROM ${dialect.jsonValues('term')} WHERE ${contains(dialect, 'term.value')})`;
  return fragment(test, JSON.stringify(terms));
}

function textConditions(dialect: Dialect, query: string): Fragment[] {
  if (!query.trim()) return [];
  const terms = parseTextQuery(query.toLowerCase());
  const conditions: Fragment[] = [];
  if (terms.include.length > 0) conditions.push(containsTerms(dialect, terms.include));
  if (terms.exclude.length > 0) {
    const excluded = containsTerms(dialect, terms.exclude);
    conditions.push(fragment(`NOT ${excluded.sql}`, ...excluded.params));
  }
  if (terms.required.length > 0) conditions.push(containsTerms(dialect, terms.required, true));
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
export function compileFilter(filter: EventFilter, access: Access = 'window', dialect: Dialect = SQLITE): CompiledFilter {
  const own = primaryIdConditions(dialect, filter.resource, access);
  if (present(filter.id?.id)) own.push(inList(dialect, 'e.id', filter.id.id));
  if (filter.text) own.push(...textConditions(dialect, filter.text.query));
  return {
    window: occurredWindow(filter),
    names: eventConditions(dialect, filter.event),
    own,
    resources: resourceCriteria(dialect, filter, access),
  };
}

/** The WHERE clause (without the keyword) selecting the events `filter` matches (SQLite's SQL unless a compiled filter says). */
export function whereClause(filter: EventFilter | CompiledFilter, dialect: Dialect = SQLITE): Fragment {
  const { window, names, own, resources } = 'window' in filter ? filter : compileFilter(filter, 'window', dialect);
  const occurred = fragment('e.occurred >= ? AND e.occurred <= ?', window.since, window.until);
  return and([occurred, ...names, ...own, ...resources.map((criterion) => hasResource(criterion, window))]) as Fragment;
}
