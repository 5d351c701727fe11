/**
 * The shared queries' PostgreSQL side: JSON list parameters through `jsonb_array_elements_text`,
 * label patterns as LIKE (case-sensitive, as SQLite's GLOB), labels read from jsonb with `->>`,
 * and followers' end bounded by the writers still in flight (see ./writes.ts).
 * @see https://www.postgresql.org/docs/15/functions-matching.html#FUNCTIONS-LIKE
 */
import type { Dialect } from '../sql/dialect';
import { fragment } from '../sql/fragment';

/** Advisory lock key pair (`hookgate.events`, per schema): writers hold it shared, followers take it alone. */
export const WRITERS_LOCK = "hashtext('hookgate.events'), hashtext(current_schema())";

/** A label pattern as a LIKE pattern: `*` → `%`, `?` → `_`, LIKE's own `%`, `_` and `\` made literal. */
function likePattern(label: string): string {
  return label.replace(/[%_\\*?]/g, (char) => (char === '*' ? '%' : char === '?' ? '_' : `\\${char}`));
}

export const POSTGRES: Dialect = {
  name: 'postgres',
  jsonValues: (alias) => `jsonb_array_elements_text(?::jsonb) AS ${alias}(value)`,
  jsonPairs: (alias) => `(SELECT p ->> 0 AS a, p ->> 1 AS b FROM jsonb_array_elements(?::jsonb) AS t(p)) AS ${alias}`,
  matches: (subject, pattern) => `${subject} LIKE ${pattern}`,
  pattern: likePattern,
  prefixPattern: (prefix) => `${prefix.replace(/[%_\\]/g, '\\$&')}%`,
  // U+10FFFF, the greatest code point: under COLLATE "C" above every text that starts with the prefix.
  prefixEnd: (prefix) => `${prefix} || chr(1114111)`,
  labelValue: (key) => fragment('((r.labels ->> ?::text) COLLATE "C")', key),
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  // The payload's JSON text exactly as stored (`json` keeps it); lower() of ASCII only, as SQLite's.
  payloadText: `lower(coalesce((e.body -> 'payload')::text, '') COLLATE "C")`,
  indexedBy: () => '',
  notIndexed: '',
  // Every writer that took a seq at or below the end read here still held the lock when it was read:
  // waiting for the lock alone means each of them has committed or rolled back.
  tailEnd: `SELECT (SELECT coalesce(max(seq), 0) FROM events) AS seq, pg_advisory_xact_lock(${WRITERS_LOCK})::text AS waited`,
  jsonField: (json, key) => `((${json})::jsonb ->> '${key}')`,
  // Several processes claim from one outbox: each takes rows no other claim holds, without waiting.
  skipLocked: 'FOR UPDATE SKIP LOCKED',
};
