/**
 * Defect 3 of issue 14: while another process holds the database locked (`BEGIN EXCLUSIVE`), the
 * gateway keeps serving: `/healthz` answers at once, webhook requests either wait for the lock
 * (timers, not SQLite's sleeping busy timeout) and succeed after the release, or get 503 with
 * Retry-After when the lock outlasts the bound. Nothing acknowledged is lost; no 2xx without commit.
 * Both writer modes.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { createTestApp, startServer, TEST_TOKEN } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';
import { holdLock } from '../helpers/lock-holder';

async function gatewayOn(writer: 'inline' | 'thread', lockWaitMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-locked-'));
  const dbFile = join(dir, 'hookgate.db');
  const store = createSqliteStore({ filename: dbFile, migrations: readMigrations(), writer, lockWaitMs });
  const t = createTestApp({ store });
  const server = await startServer(t.app);
  const created = await fetch(`${server.url}/api/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'locked',
      idFrom: 'header:x-delivery',
      mapping: { kind: 'static', event: { event: 'locked.tested', resource: { 'prefect.resource.id': 'locked' } } },
    }),
  });
  const { slug } = (await created.json()) as { slug: string };
  return {
    dbFile,
    deliver: (id: string) => fetch(`${server.url}/hooks/${slug}`, { method: 'POST', headers: { 'x-delivery': id }, body: '{}' }),
    health: async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/healthz`);
      return { status: response.status, ms: performance.now() - started };
    },
    async close() {
      await server.close();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each(['inline', 'thread'] as const)('a database locked by another process, %s writer (issue 14, defect 3)', (writer) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('keeps /healthz quick, and every request succeeds after the release or gets 503 + Retry-After', async () => {
    const gateway = await gatewayOn(writer, 10_000);
    close = gateway.close;
    const lock = await holdLock(gateway.dbFile);
    const ids = Array.from({ length: 20 }, (_, i) => `delivery-${i}`);
    const answers = ids.map((id) => gateway.deliver(id));
    const health = [];
    for (let i = 0; i < 5; i++) {
      health.push(await gateway.health());
      await new Promise((r) => setTimeout(r, 100));
    }
    await lock.release();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    const slowest = Math.max(...health.map((h) => h.ms));
    console.log(
      `[locked-store] ${writer}: /healthz during the lock ${health.map((h) => h.ms.toFixed(0)).join('/')} ms; deliveries ${JSON.stringify(count(statuses))}`,
    );
    expect(health.every((h) => h.status === 200)).toBe(true);
    // SQLite's busy timeout used to hold the event loop for the whole lock (5 s and more).
    expect(slowest).toBeLessThan(1000);
    expect(statuses.every((s) => s === 204)).toBe(true);
    expect(storedEvents(gateway.dbFile)).toHaveLength(ids.length);
  });

  it('answers 503 with Retry-After when the lock outlasts the bound, stores nothing twice after retries', async () => {
    const gateway = await gatewayOn(writer, 300);
    close = gateway.close;
    const lock = await holdLock(gateway.dbFile);
    const ids = Array.from({ length: 10 }, (_, i) => `late-${i}`);
    const first = await Promise.all(ids.map((id) => gateway.deliver(id)));
    const health = await gateway.health();
    await lock.release();
    const refused = first.filter((r) => r.status === 503);
    console.log(
      `[locked-store] ${writer}: bound passed: ${JSON.stringify(count(first.map((r) => r.status)))}, /healthz ${health.ms.toFixed(0)} ms`,
    );
    expect(first.every((r) => r.status === 204 || r.status === 503)).toBe(true);
    if (writer === 'inline') expect(refused.length).toBe(ids.length);
    for (const r of refused) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    const acknowledged = first.filter((r) => r.status === 204).length;
    expect(storedEvents(gateway.dbFile).length).toBe(acknowledged);
    // The sender retries every delivery: each is stored exactly once.
    const retried = await Promise.all(ids.map((id) => gateway.deliver(id)));
    expect(retried.every((r) => r.status === 204)).toBe(true);
    expect(storedEvents(gateway.dbFile)).toHaveLength(ids.length);
  });
});

function count(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
