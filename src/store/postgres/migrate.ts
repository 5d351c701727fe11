/**
 * Applies `migrations/postgres/*.sql` in name order, each in its own transaction, recorded in
 * `hookgate_migrations`. A session advisory lock (per schema) makes processes that start together
 * take turns: the first applies what is pending, the others then find nothing left to do.
 * @see https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS
 */
import type pg from 'pg';
import { type Migration, pendingMigrations } from '../migrate';

const LOCK = "SELECT pg_advisory_lock(hashtext('hookgate.migrate'), hashtext($1))";
const UNLOCK = "SELECT pg_advisory_unlock(hashtext('hookgate.migrate'), hashtext($1))";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS hookgate_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[], schema?: string): Promise<string[]> {
  const client = await pool.connect();
  const key = schema ?? 'public';
  let locked = false;
  try {
    await client.query(LOCK, [key]);
    locked = true;
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ name: string }>('SELECT name FROM hookgate_migrations');
    const applied: string[] = [];
    for (const migration of pendingMigrations(migrations, new Set(rows.map((row) => row.name)))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hookgate_migrations (name) VALUES ($1)', [migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    if (locked) await client.query(UNLOCK, [key]).catch(() => {});
    client.release();
  }
}
