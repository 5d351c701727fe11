/**
 * An `EventFilter` as one WHERE clause over `events AS e`: every top-level criterion ANDed,
 * the values of one criterion ORed, empty lists adding nothing (Prefect's rules).
 * @see ../../../../shared/fixtures/prefect-filters/README.md
 */
import { parseTimestamp } from '../../core/time';
import type { ResolvedEventFilter } from '../../schemas/filter';
import { and, type Fragment, fragment, inList, or, present } from './fragment';
import { prefixGlob } from './labels';
import { resourceConditions, type Window } from './resources';
import { parseTextQuery } from './text-query';

function micros(timestamp: string): number {
  const value = parseTimestamp(timestamp);
  if (value === undefined) throw new Error(`not a timestamp: ${timestamp}`);
  return value;
}

/** The filter's occurred window in microseconds, both ends inclusive. */
export function occurredWindow(filter: ResolvedEventFilter): Window {
  return { since: micros(filter.occurred.since), until: micros(filter.occurred.until) };
}

function eventConditions(filter: NonNullable<ResolvedEventFilter['event']>): Fragment[] {
  const conditions: Fragment[] = [];
  if (present(filter.prefix)) {
    conditions.push(or(filter.prefix.map((prefix) => fragment('e.event GLOB ?', prefixGlob(prefix)))));
  }
  for (const prefix of filter.exclude_prefix ?? []) conditions.push(fragment('NOT (e.event GLOB ?)', prefixGlob(prefix)));
  if (present(filter.name)) conditions.push(inList('e.event', filter.name));
  if (present(filter.exclude_name)) conditions.push(inList('e.event', filter.exclude_name, true));
  return conditions;
}

/** `search` holds lower-cased values; `instr` is an exact substring test (no LIKE wildcards). */
function textConditions(query: string): Fragment[] {
  if (!query.trim()) return [];
  const terms = parseTextQuery(query.toLowerCase());
  const contains = (term: string) => fragment('instr(e.search, ?) > 0', term);
  const conditions: Fragment[] = [];
  if (terms.include.length > 0) conditions.push(or(terms.include.map(contains)));
  for (const term of terms.exclude) conditions.push(fragment('instr(e.search, ?) = 0', term));
  conditions.push(...terms.required.map(contains));
  return conditions;
}

/** The WHERE clause (without the keyword) selecting the events `filter` matches. */
export function whereClause(filter: ResolvedEventFilter): Fragment {
  const window = occurredWindow(filter);
  const conditions = [fragment('e.occurred >= ? AND e.occurred <= ?', window.since, window.until)];
  if (filter.event) conditions.push(...eventConditions(filter.event));
  conditions.push(...resourceConditions(filter, window));
  if (present(filter.id?.id)) conditions.push(inList('e.id', filter.id.id));
  if (filter.text) conditions.push(...textConditions(filter.text.query));
  return and(conditions) as Fragment;
}
