/**
 * PostgreSQL failing under load: a server restarted mid-load (its own throwaway server, stopped and
 * started for real) and a table held locked past the statement timeout. Webhook requests answer
 * 503 with Retry-After while the database cannot commit — never a 2xx without a commit — the pool
 * reconnects by itself, and every acknowledged delivery is stored.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPostgresMigrations } from '../../src/store/migrations-fs';
import { createPostgresStore } from '../../src/store/postgres';
import { createTestApp, type TestApp } from '../helpers/app';
import { createTestPostgresStore, postgresUrl } from '../helpers/postgres';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres';

const WORKERS = 6;
const MAX_REQUESTS = 20_000;
const MAX_MS = 60_000;

interface Answer {
  delivery: string;
  status: number;
  retryAfter: string | null;
}

async function createHook(t: TestApp): Promise<{ id: string; slug: string }> {
  const response = await t.api('/api/webhooks', {
    method: 'POST',
    json: {
      name: 'faults',
      mapping: { kind: 'static', event: { event: 'fault.delivered', resource: { 'prefect.resource.id': 'fault.1' } } },
      idFrom: 'header:x-delivery-id',
    },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; slug: string };
}

async function deliver(t: TestApp, slug: string, delivery: string): Promise<Answer> {
  const response = await t.app.request(`/hooks/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-delivery-id': delivery },
    body: JSON.stringify({ delivery }),
  });
  return { delivery, status: response.status, retryAfter: response.headers.get('retry-after') };
}

/** The deliveries stored, read with SQL from the database itself. */
async function storedDeliveries(url: string, schema?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = schema ? `${schema}.events` : 'events';
    const { rows } = await client.query<{ delivery: string }>(
      `SELECT body -> 'payload' -> 'headers' ->> 'x-delivery-id' AS delivery FROM ${table} WHERE event = 'fault.delivered'`,
    );
    return rows.map((row) => row.delivery);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL restarted mid-load', () => {
  let server: ThrowawayPostgres;
  let t: TestApp;

  beforeAll(async () => {
    server = await startThrowawayPostgres();
    t = createTestApp({
      store: createPostgresStore({ url: server.url, migrations: readPostgresMigrations(), connectTimeoutMs: 1000 }),
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.destroy();
  });

  it('answers 503 + Retry-After while it is down, reconnects, and loses nothing it acknowledged', async () => {
    const hook = await createHook(t);
    const answers: Answer[] = [];
    const ok = () => answers.filter((a) => a.status === 204).length;
    const unavailable = () => answers.filter((a) => a.status === 503).length;
    let next = 0;
    let stopped = false;
    const started = Date.now();
    const worker = async () => {
      while (!stopped && next < MAX_REQUESTS && Date.now() - started < MAX_MS) {
        answers.push(await deliver(t, hook.slug, `d-${next++}`));
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));
    const until = async (condition: () => boolean) => {
      while (!condition() && Date.now() - started < MAX_MS) await new Promise((r) => setTimeout(r, 20));
    };

    await until(() => ok() >= 50);
    await server.stop();
    const before = unavailable();
    await until(() => unavailable() >= before + 20);
    await server.start();
    const okBefore = ok();
    await until(() => ok() >= okBefore + 50);
    stopped = true;
    await load;

    // Only 204 (committed) or 503 (not committed, with Retry-After): never another answer.
    expect(answers.filter((a) => a.status !== 204 && a.status !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503 && a.retryAfter === null)).toEqual([]);
    expect(unavailable()).toBeGreaterThanOrEqual(20);
    expect(ok()).toBeGreaterThanOrEqual(okBefore + 50);
    const stored = new Set(await storedDeliveries(server.url));
    expect(answers.filter((a) => a.status === 204 && !stored.has(a.delivery))).toEqual([]);

    // A sender retrying what got 503 is answered 204, and each delivery is stored once.
    const refused = answers.filter((a) => a.status === 503).slice(0, 20);
    for (const answer of refused) expect((await deliver(t, hook.slug, answer.delivery)).status).toBe(204);
    const all = await storedDeliveries(server.url);
    expect(all.length).toBe(new Set(all).size);
  });
});

describe('a statement past the timeout', () => {
  it('answers 503 + Retry-After instead of holding the request, and recovers when the lock goes', async () => {
    const { store, schema, cleanup } = createTestPostgresStore({ statementTimeoutMs: 300 });
    const t = createTestApp({ store });
    const hook = await createHook(t);
    const blocker = new pg.Client({ connectionString: postgresUrl() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE ${schema}.events IN ACCESS EXCLUSIVE MODE`);
      const answer = await deliver(t, hook.slug, 'locked');
      expect(answer).toMatchObject({ status: 503, retryAfter: expect.any(String) });
      await blocker.query('ROLLBACK');
      expect((await deliver(t, hook.slug, 'locked')).status).toBe(204);
      expect(await storedDeliveries(postgresUrl(), schema)).toEqual(['locked']);
    } finally {
      await blocker.end();
      await t.close();
      await cleanup();
    }
  });
});
