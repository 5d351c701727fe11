/**
 * Lists of filter values as SQL. Two or more values are bound as ONE JSON array read as a set
 * (`json_each` on SQLite, `jsonb_array_elements_text` on PostgreSQL), so a statement's parameters
 * and expression depth stay the same however long the list (SQLite nests expressions at most 1000
 * deep; D1 at most 100, and binds at most 100 parameters). A single value keeps the plain form,
 * which an index can serve.
 * @see https://www.sqlite.org/json1.html#jeach
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
import type { Dialect } from './dialect';
import { type Fragment, fragment, NEVER } from './fragment';
import { checkPatterns } from './limits';

/**
 * How a statement reaches its events. `window`: every event of a time window, through the
 * indexes, so resource-id patterns are looked up in the resource index first. `scan`: a short run
 * of events one by one (following new arrivals), so every list is checked on each row instead.
 */
export type Access = 'window' | 'scan';

/** A pattern in the dialect's syntax, and the literal text every text it matches starts with ('' if it starts with a wildcard). */
export interface Pattern {
  glob: string;
  prefix: string;
}

function json(values: readonly unknown[]): string {
  return JSON.stringify(values);
}

/** `subject` equals one of `values`; none matches nothing. */
export function equalsAny(dialect: Dialect, subject: Fragment, values: readonly string[]): Fragment {
  if (values.length === 0) return NEVER;
  if (values.length === 1) return fragment(`${subject.sql} = ?`, ...subject.params, values[0]);
  return fragment(`${subject.sql} IN (SELECT v.value FROM ${dialect.jsonValues('v')})`, ...subject.params, json(values));
}

/** `subject` matches one of the patterns `globs`; none matches nothing. */
export function globsAny(dialect: Dialect, subject: Fragment, globs: readonly string[]): Fragment {
  checkPatterns(globs);
  if (globs.length === 0) return NEVER;
  if (globs.length === 1) return fragment(dialect.matches(subject.sql, '?'), ...subject.params, globs[0]);
  return fragment(
    `EXISTS (SELECT 1 FROM ${dialect.jsonValues('pattern')} WHERE ${dialect.matches(subject.sql, 'pattern.value')})`,
    json(globs),
    ...subject.params,
  );
}

/** `subject` is set and fails one of the patterns `globs` (a NULL subject fails none). */
export function failsAny(dialect: Dialect, subject: Fragment, globs: readonly string[]): Fragment {
  checkPatterns(globs);
  if (globs.length === 0) return NEVER;
  if (globs.length === 1) return fragment(`NOT (${dialect.matches(subject.sql, '?')})`, ...subject.params, globs[0]);
  return fragment(
    `EXISTS (SELECT 1 FROM ${dialect.jsonValues('pattern')} WHERE NOT (${dialect.matches(subject.sql, 'pattern.value')}))`,
    json(globs),
    ...subject.params,
  );
}

/**
 * The resource ids matching one of `patterns`, found in the resource index: one index range per
 * pattern, from its literal prefix p up to the dialect's end of the texts starting with p, then
 * checked against the pattern itself.
 */
function idsMatching(dialect: Dialect, patterns: readonly Pattern[]): Fragment {
  return fragment(
    `SELECT known.resource_id FROM ${dialect.jsonPairs('pattern')} JOIN event_resources AS known
      ON known.resource_id >= pattern.a
      AND known.resource_id < ${dialect.prefixEnd('pattern.a')}
      AND ${dialect.matches('known.resource_id', 'pattern.b')}`,
    json(patterns.map((pattern) => [pattern.prefix, pattern.glob])),
  );
}

/**
 * Resource id `column` matches one of `patterns`. Over a window, the ids matching them are looked
 * up first, so the (resource_id, occurred) indexes can find the rows; a scan, or a pattern that
 * starts with a wildcard (no prefix to look up), checks each row.
 */
export function idMatchesAny(dialect: Dialect, column: string, patterns: readonly Pattern[], access: Access): Fragment {
  const lookUp = access === 'window' && patterns.length > 1 && patterns.every((pattern) => pattern.prefix !== '');
  const globs = patterns.map((pattern) => pattern.glob);
  checkPatterns(globs);
  if (!lookUp) return globsAny(dialect, fragment(column), globs);
  const ids = idsMatching(dialect, patterns);
  return fragment(`${column} IN (${ids.sql})`, ...ids.params);
}
