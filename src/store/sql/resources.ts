/**
 * The resource, related and any_resource criteria of an event filter. All conditions of one
 * criterion must hold on the same `event_resources` row (alias `r`).
 * @see ../../../../shared/fixtures/prefect-filters/README.md (resource, related, any_resource)
 */
import { RESOURCE_ID } from '../../schemas/event';
import type { EventAnyResourceFilter, EventFilter, EventRelatedFilter } from '../../schemas/filter';
import type { Dialect } from './dialect';
import { and, type Fragment, fragment, inList, NEVER, present } from './fragment';
import { labelConditions } from './labels';
import { type Access, idMatchesAny, type Pattern } from './lists';

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

/** Conditions that must hold together on one resource row of an event. */
export interface ResourceCriterion {
  row: Fragment[];
  /** The row conditions pin `r.resource_id`, so the (resource_id, occurred) index finds the rows. */
  indexed: boolean;
}

/** The rows of `event_resources` in the window that meet `criterion` (without the keyword WHERE). */
export function resourceRowsWhere(criterion: ResourceCriterion, window: Window): Fragment {
  return and([fragment('r.occurred >= ? AND r.occurred <= ?', window.since, window.until), ...criterion.row]) as Fragment;
}

/**
 * Events with a resource row meeting `criterion`: from the index when it can find the rows,
 * else checked event by event (there is no index on labels).
 */
export function hasResource(criterion: ResourceCriterion, window: Window): Fragment {
  if (criterion.indexed) {
    const where = resourceRowsWhere(criterion, window);
    return fragment(`e.seq IN (SELECT r.event_seq FROM event_resources AS r WHERE ${where.sql})`, ...where.params);
  }
  const where = and(criterion.row) as Fragment;
  return fragment(`EXISTS (SELECT 1 FROM event_resources AS r WHERE r.event_seq = e.seq AND ${where.sql})`, ...where.params);
}

/** Positive `prefect.resource.id` label patterns without a leading wildcard can use the index. */
function pinsId(labels: Labels): boolean {
  const values = labels?.[RESOURCE_ID];
  const list = typeof values === 'string' ? [values] : (values ?? []);
  return list.length > 0 && list.every((value) => !/^[!*?]/.test(value));
}

function prefixPatterns(dialect: Dialect, prefixes: readonly string[]): Pattern[] {
  return prefixes.map((prefix) => ({ glob: dialect.prefixPattern(prefix), prefix }));
}

/** `[id, role]` pairs (ORed): the row's resource id and role are one of them. */
function pairsAny(dialect: Dialect, pairs: readonly (readonly [string, string])[]): Fragment {
  if (pairs.length === 0) return NEVER;
  if (pairs.length === 1) return fragment('(r.resource_id = ? AND r.role = ?)', ...(pairs[0] as [string, string]));
  return fragment(`(r.resource_id, r.role) IN (SELECT pair.a, pair.b FROM ${dialect.jsonPairs('pair')})`, JSON.stringify(pairs));
}

/** `resource` id and id_prefix: columns of `events` itself (the primary resource). */
export function primaryIdConditions(dialect: Dialect, filter: EventFilter['resource'], access: Access): Fragment[] {
  const conditions: Fragment[] = [];
  if (present(filter?.id)) conditions.push(inList(dialect, 'e.resource_id', filter.id));
  if (present(filter?.id_prefix))
    conditions.push(idMatchesAny(dialect, 'e.resource_id', prefixPatterns(dialect, filter.id_prefix), access));
  return conditions;
}

/** `resource.labels`: on the primary resource's row (role ''), where the role is an ordinary label. */
function primaryLabelsCriterion(
  dialect: Dialect,
  filter: EventFilter['resource'],
  access: Access,
): ResourceCriterion | undefined {
  if (!hasLabels(filter?.labels)) return undefined;
  return {
    row: [fragment("r.role = ''"), ...labelConditions(dialect, filter.labels, false, access)],
    indexed: pinsId(filter.labels),
  };
}

/** `related`: related resources only; `{}` is a no-op. */
function relatedCriterion(dialect: Dialect, filter: EventRelatedFilter, access: Access): ResourceCriterion | undefined {
  const row: Fragment[] = [];
  if (present(filter.id)) row.push(inList(dialect, 'r.resource_id', filter.id));
  if (present(filter.role)) row.push(inList(dialect, 'r.role', filter.role));
  if (present(filter.resources_in_roles)) row.push(pairsAny(dialect, filter.resources_in_roles));
  if (hasLabels(filter.labels)) row.push(...labelConditions(dialect, filter.labels, true, access));
  if (row.length === 0) return undefined;
  // The primary resource is stored with role '': without an explicit role, leave it out.
  if (!present(filter.role)) row.push(fragment("r.role <> ''"));
  const indexed = present(filter.id) || present(filter.resources_in_roles) || pinsId(filter.labels);
  return { row, indexed };
}

/** `any_resource`: the primary or any related resource. */
function anyResourceCriterion(dialect: Dialect, filter: EventAnyResourceFilter, access: Access): ResourceCriterion | undefined {
  const row: Fragment[] = [];
  if (present(filter.id)) row.push(inList(dialect, 'r.resource_id', filter.id));
  if (present(filter.id_prefix))
    row.push(idMatchesAny(dialect, 'r.resource_id', prefixPatterns(dialect, filter.id_prefix), access));
  if (hasLabels(filter.labels)) row.push(...labelConditions(dialect, filter.labels, true, access));
  if (row.length === 0) return undefined;
  return { row, indexed: present(filter.id) || present(filter.id_prefix) || pinsId(filter.labels) };
}

/**
 * The criteria of `filter` that need resource rows; a list of related or any_resource filters is
 * ANDed. In a scan every criterion is checked event by event (`indexed` false).
 */
export function resourceCriteria(dialect: Dialect, filter: EventFilter, access: Access): ResourceCriterion[] {
  const criteria = [
    primaryLabelsCriterion(dialect, filter.resource, access),
    ...asList(filter.related).map((related) => relatedCriterion(dialect, related, access)),
    ...asList(filter.any_resource).map((any) => anyResourceCriterion(dialect, any, access)),
  ];
  return criteria
    .filter((criterion) => criterion !== undefined)
    .map((criterion) => (access === 'scan' ? { ...criterion, indexed: false } : criterion));
}
