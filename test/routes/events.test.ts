/** `POST /api/events` (direct emit) and `GET /api/events/:id`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../../src/schemas/event';
import { createTestApp, type TestApp } from '../helpers/app';

const ID = 'a1000000-0000-4000-8000-000000000001';

function event(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    occurred: '2026-03-27T10:00:00.123456Z',
    event: 'demo.happened',
    resource: { 'prefect.resource.id': 'demo.1' },
    ...overrides,
  };
}

describe('events API: emit and read', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('stores a batch (204) and reads an event back with defaults and `received`', async () => {
    const response = await t.api('/api/events', { method: 'POST', json: [event({ received: '1999-01-01T00:00:00Z' })] });
    expect(response.status).toBe(204);
    const read = await t.api(`/api/events/${ID}`);
    expect(read.status).toBe(200);
    const stored = (await read.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ ...event(), related: [], payload: {}, follows: null });
    expect(stored.received).not.toBe('1999-01-01T00:00:00Z');
    expect(stored.received).toMatch(/Z$/);
  });

  it('treats a re-posted id as a no-op success (first write wins)', async () => {
    await t.api('/api/events', { method: 'POST', json: [event()] });
    const again = await t.api('/api/events', { method: 'POST', json: [event({ event: 'demo.changed' })] });
    expect(again.status).toBe(204);
    expect(((await (await t.api(`/api/events/${ID}`)).json()) as { event: string }).event).toBe('demo.happened');
  });

  it('accepts an empty batch', async () => {
    expect((await t.api('/api/events', { method: 'POST', json: [] })).status).toBe(204);
  });

  it('rejects the whole batch with 422 naming the index and field of each problem', async () => {
    const response = await t.api('/api/events', {
      method: 'POST',
      json: [event(), event({ id: 'a1000000-0000-4000-8000-000000000002', resource: { name: 'x' } })],
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('validation-failed');
    expect(problem.detail).toContain('[1].resource["prefect.resource.id"]: is required');
    expect((await t.api(`/api/events/${ID}`)).status).toBe(404);
  });

  it('rejects a body that is not an array, and text that is not JSON', async () => {
    expect((await t.api('/api/events', { method: 'POST', json: event() })).status).toBe(422);
    const notJson = await t.api('/api/events', { method: 'POST', body: '[{', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('rejects an event over 1,500,000 bytes of JSON with 422', async () => {
    const big = event({ payload: { blob: 'x'.repeat(MAX_EVENT_BYTES) } });
    const response = await t.api('/api/events', { method: 'POST', json: [big] });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^\[0\]: is \d+ bytes as JSON; at most 1500000/);
  });

  it('answers 404 event-not-found for an unknown id', async () => {
    const response = await t.api('/api/events/a1000000-0000-4000-8000-00000000ffff');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('event-not-found');
  });

  it('requires the admin token', async () => {
    expect((await t.app.request('/api/events/filter', { method: 'POST' })).status).toBe(401);
  });
});
