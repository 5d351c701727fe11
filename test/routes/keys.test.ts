/** API keys: made (shown once, stored hashed), listed, used, expired, revoked at once; 401 vs 403. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/core/keys';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeKey, withKey } from '../helpers/keys';

describe('/api/keys', () => {
  let t: TestApp;
  let nowMs = Date.parse('2026-06-01T00:00:00Z');
  beforeEach(() => {
    nowMs = Date.parse('2026-06-01T00:00:00Z');
    t = createTestApp({ now: () => nowMs });
  });
  afterEach(() => t.close());

  it('makes a key shown once, with a recognisable prefix, and keeps only its SHA-256', async () => {
    const made = await makeKey(t, 'read', { name: 'dashboards' });
    expect(made.key).toMatch(/^hgk_[A-Za-z0-9_-]{43}$/);
    expect(made).toMatchObject({ name: 'dashboards', scope: 'read', expires: null, lastUsed: null });
    const listed = (await (await t.api('/api/keys')).json()) as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('key');
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(listed[0]?.prefix).toBe(made.key.slice(0, 10));
    const db = new Database(t.dbFile, { readonly: true });
    const row = db.prepare('SELECT hash FROM api_keys').get() as { hash: string };
    const dump = JSON.stringify(db.prepare('SELECT * FROM api_keys').all());
    db.close();
    expect(row.hash).toBe(await hashKey(made.key));
    expect(dump).not.toContain(made.key);
  });

  it('401 for a wrong or revoked key; 403 naming the scope for a right key without it', async () => {
    const reader = await makeKey(t, 'read');
    expect((await withKey(t, reader.key, '/api/webhooks')).status).toBe(200);
    const denied = await withKey(t, reader.key, '/api/webhooks', { method: 'POST', json: { name: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/problem+json');
    expect(await denied.json()).toMatchObject({ code: 'insufficient-scope', requiredScope: 'manage' });
    expect((await withKey(t, `${reader.key}x`, '/api/webhooks')).status).toBe(401);
    expect((await withKey(t, 'hgk_nope', '/api/webhooks')).status).toBe(401);

    expect((await t.api(`/api/keys/${reader.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await withKey(t, reader.key, '/api/webhooks')).status).toBe(401);
    expect((await t.api(`/api/keys/${reader.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('an emit key sends events and nothing else; manage may emit too, read may not', async () => {
    const emit = await makeKey(t, 'emit');
    const event = () => ({
      id: crypto.randomUUID(),
      occurred: '2026-06-01T00:00:00Z',
      event: 'ci.done',
      resource: { 'prefect.resource.id': 'ci.1' },
    });
    expect((await withKey(t, emit.key, '/api/events', { method: 'POST', json: [event()] })).status).toBe(204);
    expect((await withKey(t, emit.key, '/api/events/filter', { method: 'POST', json: {} })).status).toBe(403);
    const manage = await makeKey(t, 'manage');
    expect((await withKey(t, manage.key, '/api/events', { method: 'POST', json: [event()] })).status).toBe(204);
    expect((await withKey(t, manage.key, '/api/keys')).status).toBe(403);
    const read = await makeKey(t, 'read');
    expect((await withKey(t, read.key, '/api/events', { method: 'POST', json: [event()] })).status).toBe(403);
  });

  it('expires (a duration or a time), and records the last use at most once a minute', async () => {
    const made = await makeKey(t, 'read', { expires: '1h' });
    expect(made.expires).toBe('2026-06-01T01:00:00Z');
    expect((await withKey(t, made.key, '/api/keys'.replace('keys', 'webhooks'))).status).toBe(200);
    const lastUsed = async () => ((await (await t.api('/api/keys')).json()) as { lastUsed: string | null }[])[0]?.lastUsed;
    await expect.poll(lastUsed).toBe('2026-06-01T00:00:00Z');
    nowMs += 30_000;
    await withKey(t, made.key, '/api/webhooks');
    expect(await lastUsed()).toBe('2026-06-01T00:00:00Z');
    nowMs += 31_000;
    await withKey(t, made.key, '/api/webhooks');
    await expect.poll(lastUsed).toBe('2026-06-01T00:01:01Z');
    nowMs += 3_600_000;
    expect((await withKey(t, made.key, '/api/webhooks')).status).toBe(401);

    const bad = await t.api('/api/keys', { method: 'POST', json: { name: 'x', scope: 'read', expires: '2020-01-01T00:00:00Z' } });
    expect(bad.status).toBe(422);
    const badScope = await t.api('/api/keys', { method: 'POST', json: { name: 'x', scope: 'root' } });
    expect(badScope.status).toBe(422);
  });

  it('only an admin key manages keys; an admin key made by a key can make more', async () => {
    const admin = await makeKey(t, 'admin');
    const made = await withKey(t, admin.key, '/api/keys', { method: 'POST', json: { name: 'ci', scope: 'emit' } });
    expect(made.status).toBe(201);
    expect((await withKey(t, admin.key, '/api/keys')).status).toBe(200);
  });
});
