/** Statements in one better-sqlite3 transaction, for the shared sink store (src/store/sql/sink-store.ts). */
import type Database from 'better-sqlite3';
import { SQLITE } from '../sql/dialect';
import type { SqlTransactor, StatementResult } from '../types';

/** Prepared statements kept per SQL text; filters make many, so the cache is bounded. */
const MAX_CACHED_STATEMENTS = 200;

/** `write` runs a change as the store runs its writes (lock waits on timers, the file guard). */
export function createTransactor(db: Database.Database, write: <T>(change: () => T) => Promise<T>): SqlTransactor {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  const run = db.transaction((statements: readonly { sql: string; params: readonly unknown[] }[]): StatementResult[] =>
    statements.map(({ sql, params }) => {
      const statement = prepare(sql);
      if (statement.reader) return { rows: statement.all(...params), changes: 0 };
      return { rows: [], changes: statement.run(...params).changes };
    }),
  );
  return {
    dialect: SQLITE,
    async all<Row>(sql: string, params: readonly unknown[]) {
      return prepare(sql).all(...params) as Row[];
    },
    async transaction(statements) {
      return write(() => run.immediate(statements));
    },
  };
}
