/**
 * Applies `migrations/*.sql` in name order, recording them in `d1_migrations`, the table
 * wrangler's `d1 migrations apply` uses, so one folder serves both drivers.
 */

export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS d1_migrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/** The migrations not yet applied, in order. */
export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<string>): Migration[] {
  return [...all].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !applied.has(m.name));
}
