/**
 * Label patterns as SQL on one `event_resources` row (alias `r`): `*` and `?` are globs and
 * everything else is literal; matching is case-sensitive (GLOB and `=`, never LIKE).
 * @see ../../../../shared/fixtures/prefect-filters/README.md (Labels)
 */
import { RESOURCE_ID, RESOURCE_ROLE } from '../../schemas/event';
import type { ResourceSpecification } from '../../schemas/filter';
import { type Fragment, fragment, inList, NEVER, or } from './fragment';

const WILDCARD = /[*?]/;

/** A label pattern as a GLOB pattern: `*`/`?` stay wildcards, `[` (GLOB's only other one) is made literal. */
function toGlob(pattern: string): string {
  return pattern.replaceAll('[', '[[]');
}

/** A GLOB pattern matching every text that starts with `prefix`, taken literally. */
export function prefixGlob(prefix: string): string {
  return `${prefix.replace(/[[*?]/g, (char) => `[${char}]`)}*`;
}

/** `subject` matches the pattern: `=` when it has no wildcard (an index can serve it), else GLOB. */
function matches(subject: Fragment, pattern: string): Fragment {
  const [operator, operand] = WILDCARD.test(pattern) ? ['GLOB', toGlob(pattern)] : ['=', pattern];
  return fragment(`${subject.sql} ${operator} ?`, ...subject.params, operand);
}

/** `!pattern` negates; an absent label is NULL, and NULL never matches, negated or not. */
function matchesValue(subject: Fragment, value: string): Fragment {
  if (!value.startsWith('!')) return matches(subject, value);
  const positive = matches(subject, value.slice(1));
  return fragment(`NOT (${positive.sql})`, ...positive.params);
}

/** Keys a JSON path can name as `$."key"`: no quote, backslash or control character to escape. */
function isPlainKey(key: string): boolean {
  for (const char of key) if (char === '"' || char === '\\' || char < ' ') return false;
  return true;
}

/** The value of label `key` of the row, NULL when absent. */
function labelValue(key: string): Fragment {
  if (key === RESOURCE_ID) return fragment('r.resource_id');
  if (isPlainKey(key)) return fragment('json_extract(r.labels, ?)', `$."${key}"`);
  return fragment('(SELECT j.value FROM json_each(r.labels) AS j WHERE j.key = ?)', key);
}

/** One label: any of its values matches (a list is ORed, negations too); `[]` matches nothing. */
function labelCondition(key: string, values: string | readonly string[], roleIsColumn: boolean): Fragment {
  const list = typeof values === 'string' ? [values] : values;
  if (list.length === 0) return NEVER;
  // In related and any_resource filters the role is the row's column, compared exactly.
  if (roleIsColumn && key === RESOURCE_ROLE) return inList('r.role', list);
  const value = labelValue(key);
  return or(list.map((item) => matchesValue(value, item)));
}

/**
 * Every label of `labels` holds on the row. `roleIsColumn`: `prefect.resource.role` is the row's
 * role (related, any_resource) rather than an ordinary label (the primary resource's filter).
 */
export function labelConditions(labels: ResourceSpecification, roleIsColumn: boolean): Fragment[] {
  return Object.entries(labels).map(([key, values]) => labelCondition(key, values, roleIsColumn));
}
