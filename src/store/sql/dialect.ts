/**
 * What differs between SQLite (Node, D1) and PostgreSQL in the shared queries: how a JSON list
 * parameter is read, how label patterns match, how a label is read from a row, and a few planner
 * hints. Everything else in src/store/sql/ is written once, in SQL both understand.
 */
import { type Fragment, fragment } from './fragment';

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** A FROM item: the values of a JSON array bound as one parameter, as the text column `<alias>.value`. */
  jsonValues(alias: string): string;
  /** A FROM item: a JSON array of `[a, b]` pairs bound as one parameter, as columns `<alias>.a` and `<alias>.b`. */
  jsonPairs(alias: string): string;
  /** SQL: `subject` matches `pattern` (made by `pattern` or `prefixPattern`), case-sensitively. */
  matches(subject: string, pattern: string): string;
  /** A label pattern (`*` and `?` wildcards, everything else literal) as this dialect matches it. */
  pattern(label: string): string;
  /** A pattern matching every text that starts with `prefix`, taken literally. */
  prefixPattern(prefix: string): string;
  /** SQL: a text above every text that starts with the text expression `prefix`, and below any other greater one. */
  prefixEnd(prefix: string): string;
  /** The value of label `key` on the resource row `r` as text, NULL when absent (not for `prefect.resource.id`). */
  labelValue(key: string): Fragment;
  /** SQL: `needle` occurs in `haystack` (exact substring, no wildcards). */
  contains(haystack: string, needle: string): string;
  /** SQL: the event's payload as JSON text, ASCII letters lower-cased (SQLite's `lower`). */
  payloadText: string;
  /** After `FROM table AS alias`: walk index `name` (SQLite's INDEXED BY; nothing where the planner decides). */
  indexedBy(name: string): string;
  /** After `FROM table AS alias`: read the rows, not an index (SQLite's NOT INDEXED). */
  notIndexed: string;
  /** SQL (one row, column `seq`): the last stored seq below which every event is committed, for followers. */
  tailEnd: string;
  /** SQL: the text of field `key` (a plain name) of the JSON object text `json`; NULL when absent. */
  jsonField(json: string, key: string): string;
  /** After a subquery's LIMIT: lock the rows it picks, skipping rows another transaction holds (nothing in SQLite, which has one writer). */
  skipLocked: string;
}

/** Keys a JSON path can name as `$."key"`: no quote, backslash or control character to escape. */
function isPlainKey(key: string): boolean {
  for (const char of key) if (char === '"' || char === '\\' || char < ' ') return false;
  return true;
}

/**
 * SQLite, and D1 (SQLite at the edge): JSON lists through `json_each`, GLOB patterns (`[` made
 * literal as `[[]`), and a payload that JSON functions refuse (nested over 1000 deep) searched as empty.
 */
export const SQLITE: Dialect = {
  name: 'sqlite',
  jsonValues: (alias) => `json_each(?) AS ${alias}`,
  jsonPairs: (alias) =>
    `(SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b FROM json_each(?)) AS ${alias}`,
  matches: (subject, pattern) => `${subject} GLOB ${pattern}`,
  pattern: (label) => label.replaceAll('[', '[[]'),
  prefixPattern: (prefix) => `${prefix.replace(/[[*?]/g, (char) => `[${char}]`)}*`,
  // UTF-8 never holds the byte 0xFF.
  prefixEnd: (prefix) => `${prefix} || CAST(x'FF' AS TEXT)`,
  labelValue: (key) =>
    isPlainKey(key)
      ? fragment('json_extract(r.labels, ?)', `$."${key}"`)
      : fragment('(SELECT j.value FROM json_each(r.labels) AS j WHERE j.key = ?)', key),
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  payloadText: "lower(iif(json_valid(e.body), coalesce(json_extract(e.body, '$.payload'), ''), ''))",
  indexedBy: (name) => `INDEXED BY ${name}`,
  notIndexed: 'NOT INDEXED',
  tailEnd: 'SELECT coalesce(max(seq), 0) AS seq FROM events',
  jsonField: (json, key) => `json_extract(${json}, '$.${key}')`,
  skipLocked: '',
};
