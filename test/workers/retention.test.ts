/**
 * Retention on Workers: the scheduled handler (cron trigger) prunes events received before the
 * retention window over a real local D1, in bounded steps, and keeps the newer ones.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/adapter/workers/retention';
import { createD1Store } from '../../src/store/d1';
import worker from '../../src/worker';

const DAY_MS = 86_400_000;

const event = (n: number) => ({
  id: crypto.randomUUID(),
  occurred: '2026-03-01T10:00:00Z',
  event: 'retention.test',
  resource: { 'prefect.resource.id': `thing.${n}` },
  related: [],
  payload: {},
  follows: null,
});

describe('retention on Workers', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('prunes what expired, keeps the rest; 0 keeps everything; the cron handler runs it', async () => {
    const old = Array.from({ length: 30 }, (_, i) => event(i));
    let nowMs = Date.parse('2026-03-01T00:00:00Z');
    await createD1Store(env.DB, { nowMicros: () => nowMs * 1000 }).writeEvents(old);
    nowMs += 10 * DAY_MS;
    const fresh = Array.from({ length: 5 }, (_, i) => event(100 + i));
    await createD1Store(env.DB, { nowMicros: () => nowMs * 1000 }).writeEvents(fresh);

    expect(await runRetention({ ...env, HOOKGATE_RETENTION: '0' }, () => nowMs)).toBe(0);
    expect(await runRetention({ ...env, HOOKGATE_RETENTION: '5d' }, () => nowMs)).toBe(30);
    const store = createD1Store(env.DB);
    for (const e of old) expect(await store.readEvent(e.id)).toBeUndefined();
    for (const e of fresh) expect(await store.readEvent(e.id)).toBeDefined();

    // The scheduled handler: HOOKGATE_RETENTION of 1 day against the real clock prunes the fresh ones too.
    const waits: Promise<unknown>[] = [];
    worker.scheduled({ cron: '*/10 * * * *' }, { ...env, HOOKGATE_RETENTION: '1d' }, { waitUntil: (p) => waits.push(p) });
    await Promise.all(waits);
    for (const e of fresh) expect(await store.readEvent(e.id)).toBeUndefined();
  });
});
