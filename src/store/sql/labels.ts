/**
 * Label patterns as SQL on one `event_resources` row (alias `r`): `*` and `?` are wildcards and
 * everything else is literal; matching is case-sensitive (GLOB on SQLite, LIKE on PostgreSQL, `=`).
 * @see ../../../../shared/fixtures/prefect-filters/README.md (Labels)
 */
import { RESOURCE_ID, RESOURCE_ROLE } from '../../schemas/event';
import type { ResourceSpecification } from '../../schemas/filter';
import type { Dialect } from './dialect';
import { type Fragment, fragment, inList, NEVER, or } from './fragment';
import { type Access, equalsAny, failsAny, globsAny, idMatchesAny } from './lists';

const WILDCARD = /[*?]/;

/** The value of label `key` of the row, NULL when absent. */
function labelValue(dialect: Dialect, key: string): Fragment {
  return key === RESOURCE_ID ? fragment('r.resource_id') : dialect.labelValue(key);
}

/** The literal start of a label pattern: its text before the first wildcard. */
function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(WILDCARD);
  return wildcard === -1 ? pattern : pattern.slice(0, wildcard);
}

/**
 * One label: any of its values matches (a list is ORed, negations too); `[]` matches nothing.
 * The values are bound as three lists whatever their number: literals (`=`, which an index can
 * serve), patterns and negations (`!pattern`: the label is set and does not match).
 */
function labelCondition(
  dialect: Dialect,
  key: string,
  values: string | readonly string[],
  roleIsColumn: boolean,
  access: Access,
): Fragment {
  const list = typeof values === 'string' ? [values] : values;
  if (list.length === 0) return NEVER;
  // In related and any_resource filters the role is the row's column, compared exactly.
  if (roleIsColumn && key === RESOURCE_ROLE) return inList(dialect, 'r.role', list);
  const value = labelValue(dialect, key);
  const positive = list.filter((item) => !item.startsWith('!'));
  const literals = positive.filter((item) => !WILDCARD.test(item));
  const patterns = positive
    .filter((item) => WILDCARD.test(item))
    .map((item) => ({ glob: dialect.pattern(item), prefix: literalPrefix(item) }));
  const negated = list.filter((item) => item.startsWith('!')).map((item) => dialect.pattern(item.slice(1)));
  const globs = patterns.map((pattern) => pattern.glob);
  const conditions: Fragment[] = [];
  if (literals.length > 0) conditions.push(equalsAny(dialect, value, literals));
  // Resource ids have an index to find patterns in; other labels are checked row by row.
  if (patterns.length > 0)
    conditions.push(key === RESOURCE_ID ? idMatchesAny(dialect, value.sql, patterns, access) : globsAny(dialect, value, globs));
  if (negated.length > 0) conditions.push(failsAny(dialect, value, negated));
  return or(conditions);
}

/**
 * Every label of `labels` holds on the row. `roleIsColumn`: `prefect.resource.role` is the row's
 * role (related, any_resource) rather than an ordinary label (the primary resource's filter).
 */
export function labelConditions(
  dialect: Dialect,
  labels: ResourceSpecification,
  roleIsColumn: boolean,
  access: Access,
): Fragment[] {
  return Object.entries(labels).map(([key, values]) => labelCondition(dialect, key, values, roleIsColumn, access));
}
