/**
 * Forwarding survives kill -9 and outages: the built gateway (dist/) forwards to a fake Prefect
 * through PREFECT_API_URL; under a load of unique deliveries it is killed with SIGKILL, restarted
 * on the same database, the sink goes down and comes back — and every acknowledged event arrives
 * (ids compared), with duplicates bounded. Prints the figures.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliveryEventId } from '../../src/lib/ids';
import { type FakePrefect, startFakePrefect } from '../helpers/fake-prefect';
import { buildGateway, spawnGateway } from '../helpers/gateway-process';

const TOKEN = 'durability-admin-token-0123456789';

/** Sends deliveries `from`..`to` with `concurrency` in flight; resolves with those answered 2xx. */
async function load(hookUrl: string, ids: string[], concurrency: number, onProgress?: (done: number) => void): Promise<string[]> {
  const acked: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        const answer = await fetch(hookUrl, {
          method: 'POST',
          headers: { 'x-delivery': id, 'content-type': 'application/json' },
          body: JSON.stringify({ id }),
        });
        if (answer.ok) acked.push(id);
      } catch {
        // The gateway was killed: this delivery is not acknowledged, the sender would retry it.
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acked;
}

let entry = '';
let fake: FakePrefect;
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  entry = buildGateway('forward-durability');
  fake = await startFakePrefect({ apiKey: 'pnu_durability_key_0123' });
  dir = mkdtempSync(join(tmpdir(), 'hookgate-durable-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('delivers every acknowledged event through kill -9, restart and a sink outage', async () => {
  const env = {
    HOOKGATE_DB: join(dir, 'hookgate.db'),
    HOOKGATE_ADMIN_TOKEN: TOKEN,
    PREFECT_API_URL: fake.url,
    PREFECT_API_KEY: 'pnu_durability_key_0123',
    HOOKGATE_SINK_LEASE_SECONDS: '3',
    HOOKGATE_SINK_TIMEOUT_MS: '1000',
  };
  const first = await spawnGateway({ entry, env });
  children.push(first.child);
  const created = await fetch(`${first.url}/api/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'durable',
      idFrom: 'header:x-delivery',
      mapping: { kind: 'static', event: { event: 'load.delivery', resource: { 'prefect.resource.id': 'load' } } },
    }),
  });
  const webhook = (await created.json()) as { id: string; slug: string };
  const hookPath = `/hooks/${webhook.slug}`;

  // Phase 1: load, killed with SIGKILL halfway.
  const phase1 = Array.from({ length: 800 }, (_, i) => `a-${i}`);
  const acked1 = await load(`${first.url}${hookPath}`, phase1, 16, (done) => {
    if (done === 400) first.child.kill('SIGKILL');
  });
  // Phase 2: restarted on the same database while the sink is down, then it recovers.
  fake.outage = true;
  const second = await spawnGateway({ entry, env });
  children.push(second.child);
  const phase2 = Array.from({ length: 300 }, (_, i) => `b-${i}`);
  const acked2 = await load(`${second.url}${hookPath}`, phase2, 16);
  await new Promise((r) => setTimeout(r, 1500));
  const duringOutage = fake.events.size;
  fake.outage = false;

  const expected = [...acked1, ...acked2].map((id) => deliveryEventId(webhook.id, id, 0));
  const deadline = Date.now() + 90_000;
  while (expected.some((id) => !fake.events.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const missing = expected.filter((id) => !fake.events.has(id));
  const duplicates = fake.received.length - new Set(fake.received).size;
  process.stdout.write(
    `forwarding durability: ${acked1.length + acked2.length} acknowledged (${acked1.length} before kill -9 at 400 of 800 sent, ${acked2.length} after restart), ` +
      `${fake.events.size} stored by the sink (${duringOutage} before the outage ended), ${missing.length} missing, ${duplicates} duplicates, ${fake.answers.filter((s) => s === 503).length} answers 503\n`,
  );
  expect(missing).toEqual([]);
  expect(acked1.length).toBeGreaterThan(300);
  // Duplicates come only from sends in flight at the kill (at most one claim) and from leases.
  expect(duplicates).toBeLessThanOrEqual(200);
  second.child.kill('SIGTERM');
  await new Promise<void>((done) => second.child.once('exit', () => done()));
  expect(second.child.exitCode).toBe(0);
}, 180_000);
