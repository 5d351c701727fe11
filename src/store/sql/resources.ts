/**
 * The resource, related and any_resource criteria of an event filter. All criteria of one filter
 * must hold on the same resource row; each becomes one lookup in `event_resources`.
 * @see ../../../../shared/fixtures/prefect-filters/README.md (resource, related, any_resource)
 */
import type { EventAnyResourceFilter, EventRelatedFilter, ResolvedEventFilter } from '../../schemas/filter';
import { and, type Fragment, fragment, inList, or, present } from './fragment';
import { labelConditions, prefixGlob } from './labels';

/** The occurred window in microseconds; `event_resources` repeats `occurred` so its index can use it. */
export interface Window {
  since: number;
  until: number;
}

type Labels = EventRelatedFilter['labels'];

function hasLabels(labels: Labels): labels is NonNullable<Labels> {
  return labels != null && Object.keys(labels).length > 0;
}

function asList<T>(value: T | readonly T[] | null | undefined): readonly T[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value as T];
}

/** Events with at least one resource row (in the window) on which every one of `row` holds. */
function withResource(row: readonly Fragment[], window: Window): Fragment {
  const where = and([fragment('r.occurred >= ? AND r.occurred <= ?', window.since, window.until), ...row]) as Fragment;
  return fragment(`e.seq IN (SELECT r.event_seq FROM event_resources AS r WHERE ${where.sql})`, ...where.params);
}

function idPrefixes(column: string, prefixes: readonly string[]): Fragment {
  return or(prefixes.map((prefix) => fragment(`${column} GLOB ?`, prefixGlob(prefix))));
}

/** `resource`: the primary resource only; id and id_prefix are columns of `events` itself. */
function primaryConditions(filter: NonNullable<ResolvedEventFilter['resource']>, window: Window): Fragment[] {
  const conditions: Fragment[] = [];
  if (present(filter.id)) conditions.push(inList('e.resource_id', filter.id));
  if (present(filter.id_prefix)) conditions.push(idPrefixes('e.resource_id', filter.id_prefix));
  if (hasLabels(filter.labels)) {
    conditions.push(withResource([fragment("r.role = ''"), ...labelConditions(filter.labels, false)], window));
  }
  return conditions;
}

/** `related`: related resources only; `{}` is a no-op. */
function relatedCondition(filter: EventRelatedFilter, window: Window): Fragment | undefined {
  const row: Fragment[] = [];
  if (present(filter.id)) row.push(inList('r.resource_id', filter.id));
  if (present(filter.role)) row.push(inList('r.role', filter.role));
  if (present(filter.resources_in_roles)) {
    row.push(or(filter.resources_in_roles.map(([id, role]) => fragment('(r.resource_id = ? AND r.role = ?)', id, role))));
  }
  if (hasLabels(filter.labels)) row.push(...labelConditions(filter.labels, true));
  if (row.length === 0) return undefined;
  // The primary resource is stored with role '': without an explicit role, leave it out.
  if (!present(filter.role)) row.push(fragment("r.role <> ''"));
  return withResource(row, window);
}

/** `any_resource`: the primary or any related resource. */
function anyResourceCondition(filter: EventAnyResourceFilter, window: Window): Fragment | undefined {
  const row: Fragment[] = [];
  if (present(filter.id)) row.push(inList('r.resource_id', filter.id));
  if (present(filter.id_prefix)) row.push(idPrefixes('r.resource_id', filter.id_prefix));
  if (hasLabels(filter.labels)) row.push(...labelConditions(filter.labels, true));
  return row.length === 0 ? undefined : withResource(row, window);
}

/** The resource criteria of `filter`; a list of related or any_resource filters is ANDed. */
export function resourceConditions(filter: ResolvedEventFilter, window: Window): Fragment[] {
  const conditions = filter.resource ? primaryConditions(filter.resource, window) : [];
  for (const related of asList(filter.related)) {
    const condition = relatedCondition(related, window);
    if (condition) conditions.push(condition);
  }
  for (const any of asList(filter.any_resource)) {
    const condition = anyResourceCondition(any, window);
    if (condition) conditions.push(condition);
  }
  return conditions;
}
