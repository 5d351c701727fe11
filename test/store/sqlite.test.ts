import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/lib/errors';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { describeStoreContract, sampleEvent } from './contract';

function tempFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-store-'));
  return { file: join(dir, 'hookgate.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

for (const writer of ['inline', 'thread'] as const) {
  describeStoreContract(`better-sqlite3, ${writer} writer`, async () => {
    const { file, remove } = tempFile();
    const store = createSqliteStore({ filename: file, migrations: readMigrations(), writer });
    return {
      store,
      cleanup: async () => {
        await store.close();
        remove();
      },
    };
  });
}

describe('better-sqlite3 driver', () => {
  it('uses WAL and records applied migrations once, across restarts', async () => {
    const { file, remove } = tempFile();
    const first = createSqliteStore({ filename: file, migrations: readMigrations() });
    const event = sampleEvent();
    await first.writeEvents([event]);
    await first.close();
    const second = createSqliteStore({ filename: file, migrations: readMigrations() });
    expect((await second.readEvent(event.id))?.id).toBe(event.id);
    await second.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const names = (db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(readMigrations().map((m) => m.name));
    db.close();
    remove();
  });

  it('reports a database it cannot write to as unavailable, not as a crash', async () => {
    const { file, remove } = tempFile();
    await createSqliteStore({ filename: file, migrations: readMigrations() }).close();
    const readonly = createSqliteStore({ filename: file, migrations: readMigrations(), readonly: true });
    await expect(readonly.writeEvents([sampleEvent()])).rejects.toBeInstanceOf(StoreUnavailableError);
    await readonly.close();
    remove();
  });

  it('stores every resource of an event in event_resources, the primary with role ""', async () => {
    const { file, remove } = tempFile();
    const store = createSqliteStore({ filename: file, migrations: readMigrations() });
    await store.writeEvents([sampleEvent()]);
    await store.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT resource_id, role FROM event_resources ORDER BY role').all();
    expect(rows).toEqual([
      { resource_id: expect.stringMatching(/^thing\./), role: '' },
      { resource_id: 'owner.1', role: 'owner' },
    ]);
    db.close();
    remove();
  });
});
