/**
 * The SQLite checkpoint thread (issue 16): writers never checkpoint inside a commit; a thread of
 * the store's own keeps the WAL bounded, and it ends with the store (no thread left behind).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { startCheckpointer } from '../../src/store/sqlite/checkpointer';
import { checkpointElsewhere, configureWriter } from '../../src/store/sqlite/writes';
import { sampleEvent } from './samples';

const walBytes = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
/** This process's threads (Linux). */
const threads = () => readdirSync('/proc/self/task').length;

/** Polls `done` every 20 ms, at most `times` times. */
async function eventually(done: () => boolean, times = 250): Promise<boolean> {
  for (let i = 0; i < times && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return done();
}

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-checkpoint-'));
  return { file: join(dir, 'hookgate.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('the SQLite checkpoint thread', () => {
  it('brings a WAL grown past its cap back under it, with every row in the database', async () => {
    const { file, remove } = tempFile();
    const db = new Database(file);
    configureWriter(db, 'NORMAL', 0);
    checkpointElsewhere(db, 256 * 1024);
    db.exec('CREATE TABLE blobs (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
    // About 4 MB in one transaction: the writer itself never checkpoints, so the WAL holds all of it.
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run('x'.repeat(4000));
    })();
    expect(walBytes(file)).toBeGreaterThan(4_000_000);

    const checkpointer = startCheckpointer(file, { everyMs: 20, walCapBytes: 256 * 1024 });
    checkpointer.wrote(4_000_000);
    expect(await eventually(() => walBytes(file) <= 256 * 1024)).toBe(true);
    await checkpointer.stop();
    db.close();
    // Read without the WAL: the pages were copied into the database file.
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1000 });
    copy.close();
    remove();
  });

  it("keeps a store's WAL bounded under steady writes", async () => {
    const { file, remove } = tempFile();
    const cap = 1024 * 1024;
    const store = createSqliteStore({ filename: file, migrations: readMigrations(), walCapBytes: cap });
    const payload = { blob: 'y'.repeat(20_000) };
    const write = () => store.writeEvents(Array.from({ length: 10 }, () => sampleEvent({ payload })));
    // Until the thread runs: it then truncates what was written before it started (over twice the cap).
    for (let i = 0; i < 15; i++) await write();
    expect(walBytes(file)).toBeGreaterThan(2 * cap);
    expect(await eventually(() => walBytes(file) === 0)).toBe(true);
    // About 24 MB more (some 36 MB of WAL): without checkpoints the WAL would hold all of it.
    let largest = 0;
    for (let i = 0; i < 120; i++) {
      await write();
      largest = Math.max(largest, walBytes(file));
      if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(largest).toBeLessThan(8 * cap);
    await store.close();
    remove();
  });

  it('stops its thread when the store closes, whichever the writer', async () => {
    const { file, remove } = tempFile();
    const cycle = async (writer: 'inline' | 'thread') => {
      const store = createSqliteStore({ filename: file, migrations: readMigrations(), writer });
      await store.writeEvents([sampleEvent()]);
      await store.close();
    };
    await cycle('inline');
    await cycle('thread');
    const settled = threads();
    for (let i = 0; i < 4; i++) await cycle(i % 2 === 0 ? 'inline' : 'thread');
    expect(await eventually(() => threads() <= settled)).toBe(true);
    remove();
  });

  it('gives a failing thread up after a few tries, says so, and checkpoints on the store thread instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-checkpoint-'));
    // A file the thread cannot open (its folder does not exist): every start fails.
    const unopenable = join(dir, 'missing', 'hookgate.db');
    const gaveUp: string[] = [];
    let fallbackRuns = 0;
    const checkpointer = startCheckpointer(
      unopenable,
      { everyMs: 20 },
      { checkpoint: () => fallbackRuns++, gaveUp: (error) => gaveUp.push(error.message) },
    );
    // Writes go on meanwhile; each may start the thread again once its pause (1 s, then 2 s) is over.
    for (let i = 0; i < 100 && gaveUp.length === 0; i++) {
      checkpointer.wrote(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toMatch(/directory|open|exist/i);
    expect(await eventually(() => fallbackRuns >= 3)).toBe(true);
    const threadsNow = threads();
    checkpointer.wrote(0); // given up: no new thread
    expect(threads()).toBeLessThanOrEqual(threadsNow);
    await checkpointer.stop();
    const runs = fallbackRuns;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fallbackRuns).toBe(runs);
    rmSync(dir, { recursive: true, force: true });
  });
});
