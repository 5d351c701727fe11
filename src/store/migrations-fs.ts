/** Node only: reads the `migrations/` folder that ships with the package (SQLite/D1; PostgreSQL's in `migrations/postgres/`). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrate';

/** The package's `migrations/`, found upwards from this module (in src/store/ or bundled in dist/). */
function findMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'migrations')) && existsSync(join(dir, 'package.json'))) return join(dir, 'migrations');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the migrations folder of hookgate');
    dir = parent;
  }
}

export const MIGRATIONS_DIR = findMigrationsDir();

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/** The PostgreSQL schema's migrations (`migrations/postgres/`; the SQL differs from SQLite's). */
export function readPostgresMigrations(): Migration[] {
  return readMigrations(join(MIGRATIONS_DIR, 'postgres'));
}
