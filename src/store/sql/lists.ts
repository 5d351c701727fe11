/**
 * Lists of filter values as SQL. Two or more values are bound as ONE JSON array read with
 * `json_each`, so a statement's parameters and expression depth stay the same however long the
 * list (SQLite nests expressions at most 1000 deep; D1 at most 100, and binds at most 100
 * parameters). A single value keeps the plain form, which an index can serve.
 * @see https://www.sqlite.org/json1.html#jeach
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
import { type Fragment, fragment, NEVER } from './fragment';

/**
 * How a statement reaches its events. `window`: every event of a time window, through the
 * indexes, so resource-id patterns are looked up in the resource index first. `scan`: a short run
 * of events one by one (following new arrivals), so every list is checked on each row instead.
 */
export type Access = 'window' | 'scan';

/** A GLOB pattern, and the literal text every text it matches starts with ('' if it starts with a wildcard). */
export interface Pattern {
  glob: string;
  prefix: string;
}

function json(values: readonly unknown[]): string {
  return JSON.stringify(values);
}

/** `subject` equals one of `values`; none matches nothing. */
export function equalsAny(subject: Fragment, values: readonly string[]): Fragment {
  if (values.length === 0) return NEVER;
  if (values.length === 1) return fragment(`${subject.sql} = ?`, ...subject.params, values[0]);
  return fragment(`${subject.sql} IN (SELECT value FROM json_each(?))`, ...subject.params, json(values));
}

/** `subject` matches one of the GLOB patterns `globs`; none matches nothing. */
export function globsAny(subject: Fragment, globs: readonly string[]): Fragment {
  if (globs.length === 0) return NEVER;
  if (globs.length === 1) return fragment(`${subject.sql} GLOB ?`, ...subject.params, globs[0]);
  return fragment(
    `EXISTS (SELECT 1 FROM json_each(?) AS pattern WHERE ${subject.sql} GLOB pattern.value)`,
    json(globs),
    ...subject.params,
  );
}

/** `subject` is set and fails one of the GLOB patterns `globs` (a NULL subject fails none). */
export function failsAny(subject: Fragment, globs: readonly string[]): Fragment {
  if (globs.length === 0) return NEVER;
  if (globs.length === 1) return fragment(`NOT (${subject.sql} GLOB ?)`, ...subject.params, globs[0]);
  return fragment(
    `EXISTS (SELECT 1 FROM json_each(?) AS pattern WHERE NOT (${subject.sql} GLOB pattern.value))`,
    json(globs),
    ...subject.params,
  );
}

/**
 * The resource ids matching one of `patterns`, found in the resource index: one index range per
 * pattern, from its literal prefix p up to p || x'FF' (every text that starts with p, and no
 * other: UTF-8 never holds the byte 0xFF), then checked against the pattern itself.
 */
function idsMatching(patterns: readonly Pattern[]): Fragment {
  return fragment(
    `SELECT known.resource_id FROM json_each(?) AS pattern JOIN event_resources AS known
      ON known.resource_id >= json_extract(pattern.value, '$[0]')
      AND known.resource_id < json_extract(pattern.value, '$[0]') || CAST(x'FF' AS TEXT)
      AND known.resource_id GLOB json_extract(pattern.value, '$[1]')`,
    json(patterns.map((pattern) => [pattern.prefix, pattern.glob])),
  );
}

/**
 * Resource id `column` matches one of `patterns`. Over a window, the ids matching them are looked
 * up first, so the (resource_id, occurred) indexes can find the rows; a scan, or a pattern that
 * starts with a wildcard (no prefix to look up), checks each row.
 */
export function idMatchesAny(column: string, patterns: readonly Pattern[], access: Access): Fragment {
  const lookUp = access === 'window' && patterns.length > 1 && patterns.every((pattern) => pattern.prefix !== '');
  const globs = patterns.map((pattern) => pattern.glob);
  if (!lookUp) return globsAny(fragment(column), globs);
  const ids = idsMatching(patterns);
  return fragment(`${column} IN (${ids.sql})`, ...ids.params);
}
