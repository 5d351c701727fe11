/**
 * SQLite's limits on one statement, as a filter can still reach them: bound parameters (D1: 100),
 * expression depth (D1: 100, SQLite: 1000), GLOB pattern length (50,000 bytes), statement length
 * (D1: 100 KB). Such a filter is the caller's to change, so it is a 422 `filter-too-large`, never
 * a 500.
 * @see https://www.sqlite.org/limits.html
 * @see https://developers.cloudflare.com/d1/platform/limits/
 */
import { InputError } from '../../lib/errors';
import type { SqlReader } from '../types';

const LIMIT_MESSAGES =
  /too many SQL variables|Expression tree is too large|LIKE or GLOB pattern too complex|string or blob too big|statement too long|parser stack overflow|SQLITE_TOOBIG/i;

/** The limit `error` reports, when it is one of SQLite's statement limits. */
export function exceededLimit(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return LIMIT_MESSAGES.exec(message)?.[0];
}

/** SQLite's longest LIKE or GLOB pattern, in bytes (SQLITE_MAX_LIKE_PATTERN_LENGTH); every store holds to it. */
export const MAX_PATTERN_BYTES = 50_000;

function filterTooLarge(limit: string): InputError {
  return new InputError(
    422,
    'filter-too-large',
    `the filter is too large for one database query (${limit.toLowerCase()}): use fewer or shorter values`,
  );
}

/**
 * Throws 422 `filter-too-large` for a pattern past SQLite's length limit, before any query: the
 * same answer on every store (PostgreSQL has no such limit of its own).
 */
export function checkPatterns(patterns: readonly string[]): void {
  const encoder = new TextEncoder();
  if (patterns.some((pattern) => pattern.length * 3 > MAX_PATTERN_BYTES && encoder.encode(pattern).length > MAX_PATTERN_BYTES)) {
    throw filterTooLarge('LIKE or GLOB pattern too complex');
  }
}

/** `reader`, answering a statement past a SQLite limit with 422 `filter-too-large`. */
export function limitedReader(reader: SqlReader): SqlReader {
  return {
    dialect: reader.dialect,
    async all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]> {
      try {
        return await reader.all<Row>(sql, params);
      } catch (error) {
        const limit = exceededLimit(error);
        if (limit === undefined) throw error;
        throw filterTooLarge(limit);
      }
    },
  };
}
