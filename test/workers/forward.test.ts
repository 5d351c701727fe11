/**
 * Forwarding inside workerd over a real local D1: events stored through the API land in the
 * outbox with them; the cron trigger's scheduled handler drains it to a fake Prefect running in
 * Node (test/workers/fake-prefect-setup.ts), and retries after a 503.
 */
import { applyD1Migrations, createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, expect, inject, it } from 'vitest';
import worker from '../../src/worker';
import { api } from './worker-api';

const prefectUrl = inject('prefectUrl');
const fakeBase = prefectUrl.replace(/\/api$/, '');

async function cron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env as never, ctx);
  await waitOnExecutionContext(ctx);
}

async function stored(): Promise<string[]> {
  return ((await (await fetch(`${fakeBase}/_fake/events`)).json()) as { ids: string[] }).ids;
}

function events(n: number) {
  const occurred = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    occurred,
    event: 'workers.forwarded',
    resource: { 'prefect.resource.id': `thing.${i}` },
  }));
}

let sinkId: string;

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  const created = await api('/api/sinks', 'POST', {
    name: 'workers-prefect',
    target: { kind: 'prefect', url: prefectUrl, apiKey: 'pnu_workers_key_0123456789' },
  });
  expect(created.status).toBe(201);
  sinkId = ((await created.json()) as { id: string }).id;
});

it('the cron drain forwards what was stored, then nothing is pending', async () => {
  const batch = events(3);
  expect((await api('/api/events', 'POST', batch)).status).toBe(204);
  await cron();
  const ids = await stored();
  for (const event of batch) expect(ids).toContain(event.id);
  const sink = (await (await api(`/api/sinks/${sinkId}`)).json()) as {
    status: { pending: number; delivered: number; state: string };
  };
  expect(sink.status).toMatchObject({ pending: 0, state: 'ok' });
  expect(sink.status.delivered).toBeGreaterThanOrEqual(3);
});

it('a 503 leaves the events pending with the sink retrying; a later cron delivers them', async () => {
  await fetch(`${fakeBase}/_fake/faults`, { method: 'POST', body: JSON.stringify([{ status: 503 }]) });
  const batch = events(2);
  await api('/api/events', 'POST', batch);
  await cron();
  const waiting = (await (await api(`/api/sinks/${sinkId}`)).json()) as {
    status: { pending: number; state: string; lastStatus: number };
  };
  // The ingest's own waitUntil drain may have met the 503 first; either way the events wait.
  expect(waiting.status).toMatchObject({ state: 'retrying', lastStatus: 503 });
  expect(waiting.status.pending).toBe(2);
  for (let attempt = 0; attempt < 40 && (await stored()).filter((id) => batch.some((e) => e.id === id)).length < 2; attempt++) {
    await new Promise((r) => setTimeout(r, 250));
    await cron();
  }
  const ids = await stored();
  for (const event of batch) expect(ids).toContain(event.id);
});
