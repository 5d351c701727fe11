/**
 * The delivery log over real HTTP: every request to a webhook URL is recorded with its outcome
 * (stored, failed, rejected with its problem code, handshake), the header names it carried and
 * values only for safe ones; a signature, a secret or a refused body is never stored. Unknown slugs
 * are not logged per webhook. Pages, outcome filter and following.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGithub, signSlack } from '../../src/cli/signers';
import { type CreatedWebhook, createWebhook, providerFixture, type ServedApp, serveTestApp } from '../helpers/hooks';

const SECRET = 'deliveries-secret-7f3a';
const WRONG_SECRET = 'not-the-secret';

interface Listed {
  deliveries: Record<string, unknown>[];
  next_page: string | null;
  cursor: string | null;
}

let served: ServedApp;
let github: CreatedWebhook;

async function list(webhook: CreatedWebhook, query = ''): Promise<Listed> {
  const response = await served.api(`/api/webhooks/${webhook.id}/deliveries${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed;
}

/** The log is written shortly after the answer: waits (bounded) until `count` records are there. */
async function listAtLeast(webhook: CreatedWebhook, count: number, query = ''): Promise<Listed> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const page = await list(webhook, query);
    if (page.deliveries.length >= count) return page;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return list(webhook, query);
}

function push(secret: string, extra: Record<string, string> = {}) {
  const { body, headers } = providerFixture('github/push/default.json');
  return fetch(github.url, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'x-github-delivery': crypto.randomUUID(),
      ...signGithub(secret, body),
      ...extra,
    },
    body,
  });
}

beforeAll(async () => {
  served = await serveTestApp();
  github = await createWebhook(served.base, { name: 'github', preset: 'github', verify: { secrets: [SECRET] } });
});
afterAll(async () => served.stop());

describe('delivery log', () => {
  it('records a bad signature as rejected, with a hint naming the cause and the header, and stores no signature, secret or body', async () => {
    const response = await push(WRONG_SECRET);
    expect(response.status).toBe(401);
    const { deliveries } = await listAtLeast(github, 1, '?outcome=rejected');
    const record = deliveries[0] as Record<string, unknown> & { headers: Record<string, string | null> };
    expect(record).toMatchObject({ outcome: 'rejected', status: 401, code: 'signature-mismatch', method: 'POST', events: 0 });
    expect(record.source).toBe('127.0.0.1');
    expect(record.hint).toMatch(/signature did not match.*secret in GitHub.*x-hub-signature-256/);
    expect(record.headers['x-hub-signature-256']).toBeNull();
    expect(record.headers['x-github-event']).toBe('push');
    expect(record.headers['content-type']).toBe('application/json');
    expect(record.bodyBytes).toBeGreaterThan(1000);

    const db = new Database(served.dbFile, { readonly: true });
    const text = (db.prepare('SELECT body FROM deliveries').all() as { body: string }[]).map((r) => r.body).join('\n');
    db.close();
    const { body } = providerFixture('github/push/default.json');
    const signature = signGithub(WRONG_SECRET, body)['x-hub-signature-256'] as string;
    expect(text).not.toContain(signature.slice('sha256='.length));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(WRONG_SECRET);
    expect(text).not.toContain('Codertocat'); // nothing of the refused body
  });

  it('records stored requests with their event ids, missing signatures, and a disabled webhook', async () => {
    expect((await push(SECRET)).status).toBe(204);
    const missing = await fetch(github.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    const stored = (await listAtLeast(github, 1, '?outcome=stored')).deliveries[0];
    expect(stored).toMatchObject({ outcome: 'stored', status: 204, events: 1, code: null, hint: null });
    const eventIds = (stored?.eventIds ?? []) as string[];
    expect(eventIds).toHaveLength(1);
    const event = await served.api(`/api/events/${eventIds[0]}`);
    expect(event.status).toBe(200);

    const other = await createWebhook(served.base, {
      name: 'off',
      mapping: { kind: 'static', event: { event: 'x.y', resource: { 'prefect.resource.id': 'x' } } },
    });
    await served.api(`/api/webhooks/${other.id}`, { method: 'PATCH', json: { enabled: false } });
    expect((await fetch(other.url, { method: 'POST' })).status).toBe(404);
    const disabled = (await listAtLeast(other, 1)).deliveries[0];
    expect(disabled).toMatchObject({ outcome: 'rejected', status: 404, code: 'webhook-disabled' });
    expect(disabled?.hint).toMatch(/disabled/);

    const codes = (await listAtLeast(github, 2, '?outcome=rejected')).deliveries.map((d) => d.code);
    expect(codes).toContain('signature-missing');
  });

  it('records a mapping failure with a link to its failure event, and a handshake', async () => {
    const strict = await createWebhook(served.base, {
      name: 'strict',
      mapping: { kind: 'template', template: '{"event": "a.b", "resource": {"prefect.resource.id": "{{required body.id}}"}}' },
    });
    expect(
      (await fetch(strict.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(400);
    const failed = (await listAtLeast(strict, 1)).deliveries[0];
    expect(failed).toMatchObject({ outcome: 'failed', status: 400 });
    const failure = await served.api(`/api/events/${failed?.failureEvent as string}`);
    expect(((await failure.json()) as { event: string }).event).toBe('hookgate.webhook.failed');

    const slack = await createWebhook(served.base, { name: 'slack', preset: 'slack', verify: { secrets: [SECRET] } });
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const answer = await fetch(slack.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signSlack(SECRET, body, Math.floor(Date.now() / 1000)) },
      body,
    });
    expect(answer.status).toBe(200);
    expect((await listAtLeast(slack, 1)).deliveries[0]).toMatchObject({ outcome: 'handshake', status: 200, events: 0 });
  });

  it('does not log unknown slugs under any webhook', async () => {
    const before = (await list(github)).deliveries.length;
    expect((await fetch(`${served.base}/hooks/no-such-slug`, { method: 'POST' })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await list(github)).deliveries.length).toBe(before);
  });

  it('pages newest first, filters by outcome, and follows newer records after a cursor', async () => {
    const all = await list(github, '?limit=200');
    const first = await list(github, '?limit=2');
    expect(first.deliveries.map((d) => d.id)).toEqual(all.deliveries.slice(0, 2).map((d) => d.id));
    const second = await list(github, `?limit=2&page=${first.next_page}`);
    expect(second.deliveries.map((d) => d.id)).toEqual(all.deliveries.slice(2, 4).map((d) => d.id));

    const cursor = all.cursor as string;
    expect((await list(github, `?after=${cursor}`)).deliveries).toEqual([]);
    await push(SECRET);
    const followed = await listAtLeast(github, 1, `?after=${cursor}`);
    expect(followed.deliveries).toHaveLength(1);
    expect(Number(followed.cursor)).toBeGreaterThan(Number(cursor));
  });

  it('answers problem+json for a bad query and an unknown webhook', async () => {
    const bad = await served.api(`/api/webhooks/${github.id}/deliveries?outcome=lost`);
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const extra = await served.api(`/api/webhooks/${github.id}/deliveries?limit=0`);
    expect(extra.status).toBe(422);
    const missing = await served.api('/api/webhooks/00000000-0000-4000-8000-000000000000/deliveries');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('webhook-not-found');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await served.api('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty('/api/webhooks/{id}/deliveries');
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('/deliveries');
  });
});
