/**
 * Retention on SQLite under load: events keep being written (and acknowledged) while expired ones
 * are pruned in small batches; afterwards every expired event is gone, every acknowledged unexpired
 * one is there, totals match the rows, and a new file reclaims the space (incremental vacuum).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pruneExpired } from '../../src/core/retention';
import { EventFilter } from '../../src/schemas/filter';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { sampleEvent } from './samples';

const DAY_MS = 86_400_000;
const START_MS = Date.parse('2026-05-01T00:00:00Z');
const EVERYTHING = EventFilter.parse({ occurred: { since: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z' } });

describe.each(['inline', 'thread'] as const)('retention with the %s writer', (writer) => {
  it('prunes expired events while new ones are written, losing none of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-retention-'));
    const filename = join(dir, 'hookgate.db');
    let nowMs = START_MS;
    const store = createSqliteStore({ filename, migrations: readMigrations(), writer, nowMicros: () => nowMs * 1000 });
    try {
      const big = { blob: 'x'.repeat(2000) };
      const expired = Array.from({ length: 2000 }, () => sampleEvent({ payload: big }));
      for (let i = 0; i < expired.length; i += 200) await store.writeEvents(expired.slice(i, i + 200));
      nowMs = START_MS + 2 * DAY_MS;

      const acknowledged: string[] = [];
      let pruning = true;
      const writing = (async () => {
        for (let round = 0; round < 500 && (pruning || round < 20); round++) {
          const batch = [sampleEvent(), sampleEvent()];
          await store.writeEvents(batch);
          acknowledged.push(...batch.map((e) => e.id));
        }
      })();
      const pruned = await pruneExpired(store, {
        retentionMs: DAY_MS,
        now: () => nowMs,
        batch: 100,
        maxBatches: 100,
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      });
      pruning = false;
      await writing;

      expect(pruned).toBe(expired.length);
      for (const event of expired.slice(0, 50)) expect(await store.readEvent(event.id)).toBeUndefined();
      for (const id of acknowledged) expect(await store.readEvent(id)).toBeDefined();
      const page = await store.queryEvents(EVERYTHING, { limit: 0, offset: 0 });
      expect(page.total).toBe(acknowledged.length);
    } finally {
      await store.close();
    }
    const db = new Database(filename, { readonly: true });
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(db.pragma('freelist_count', { simple: true })).toBeLessThan(100);
    expect(db.prepare('SELECT count(*) AS n FROM event_resources WHERE event_seq NOT IN (SELECT seq FROM events)').get()).toEqual(
      { n: 0 },
    );
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
