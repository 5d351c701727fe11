/**
 * Several drainers on one database (as several gateway processes would be): leases keep them
 * from sending the same rows twice, and every event arrives.
 */
import { expect, it } from 'vitest';
import { createNodeSinkSend } from '../../src/adapter/node/sink-send';
import { drainSinks } from '../../src/core/forward/forwarder';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { startFakePrefect } from '../helpers/fake-prefect';
import { openRig, recentEvents } from './harness';

it('two drainers on one SQLite file deliver every event exactly once between them', async () => {
  const prefect = await startFakePrefect();
  const rig = await openRig({ kind: 'prefect', url: prefect.url }, { batchSize: 10 });
  const other = createSqliteStore({ filename: rig.file, migrations: readMigrations() });
  const send = createNodeSinkSend({ allowPrivate: true, timeoutMs: 2000 });
  try {
    const events = recentEvents(300);
    for (let i = 0; i < events.length; i += 30) await rig.store.writeEvents(events.slice(i, i + 30));
    const drainer = (store: typeof other, claimant: string) => async () => {
      for (let round = 0; round < 100; round++) {
        const report = await drainSinks({ ...rig.deps, store, send, claimant, now: Date.now });
        if (report.sent === 0 && !report.more) return;
      }
    };
    await Promise.all([drainer(rig.store, 'a')(), drainer(other, 'b')()]);
    expect(prefect.received).toHaveLength(300);
    expect(new Set(prefect.received).size).toBe(300);
    expect((await rig.store.sinkCounters(rig.sink.id))?.pending).toBe(0);
  } finally {
    send.close();
    await other.close();
    await rig.close();
    await prefect.close();
  }
});
