/**
 * Defect 1 of issue 14: validation work and error bodies are bounded on every admin endpoint. A
 * batch of a million items, a million keys or a dry run with a million sample headers is refused at
 * once (before any per-item work), and a 422 lists at most MAX_LISTED_ISSUES issues plus a count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_JSON_SHAPE, MAX_API_BODY_BYTES } from '../../src/http/body';
import { EVENT_BATCH_LIMITS, MAX_EVENT_BATCH_BYTES, MAX_EVENT_BATCH_ITEMS } from '../../src/routes/events';
import { MAX_LISTED_ISSUES } from '../../src/schemas/issues';
import { createTestApp, type TestApp } from '../helpers/app';

interface Problem {
  code: string;
  detail: string;
  issues?: unknown[];
  issueCount?: number;
}

/** `[{},{},…]` with `count` items. */
const emptyObjects = (count: number) => `[${Array(count).fill('{}').join(',')}]`;
/** `{"k0":0,…}` with `count` keys. */
const manyKeys = (count: number, prefix = '') => {
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = `"${prefix}k${i}":"v"`;
  return `{${parts.join(',')}}`;
};

describe('admin endpoints refuse oversized work at once (issue 14, defect 1)', () => {
  let t: TestApp;
  let webhookId: string;
  beforeAll(async () => {
    t = createTestApp();
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'bounds', mapping: { kind: 'static', event: { event: 'b', resource: { 'prefect.resource.id': 'b' } } } },
    });
    webhookId = ((await created.json()) as { id: string }).id;
  });
  afterAll(() => t.close());

  const post = async (path: string, body: string, method = 'POST') => {
    const started = performance.now();
    const response = await t.api(path, { method, body, headers: { 'content-type': 'application/json' } });
    const text = await response.text();
    return { status: response.status, bytes: text.length, problem: JSON.parse(text) as Problem, ms: performance.now() - started };
  };

  it('answers a 100,000-item batch of invalid events with 422 too-many-items, in a small body', async () => {
    const sent = await post('/api/events', emptyObjects(100_000));
    console.log(`[api-bounds] 100k-item batch: ${sent.status} ${sent.problem.code}, ${sent.bytes} B, ${sent.ms.toFixed(0)} ms`);
    expect(sent.status).toBe(422);
    expect(sent.problem.code).toBe('too-many-items');
    expect(sent.bytes).toBeLessThan(1000);
  });

  it('answers the 2.5-million-item repro (7.5 MB) the same way, without running out of memory', async () => {
    const sent = await post('/api/events', emptyObjects(2_500_000));
    expect([413, 422]).toContain(sent.status);
    expect(sent.bytes).toBeLessThan(1000);
  });

  it('caps the issues of a batch at the limit: the first ones and a count', async () => {
    const sent = await post('/api/events', emptyObjects(MAX_EVENT_BATCH_ITEMS));
    console.log(`[api-bounds] ${MAX_EVENT_BATCH_ITEMS}-item invalid batch: ${sent.bytes} B, ${sent.ms.toFixed(0)} ms`);
    expect(sent.status).toBe(422);
    expect(sent.problem.code).toBe('validation-failed');
    expect(sent.problem.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(sent.problem.issueCount).toBeGreaterThanOrEqual(MAX_EVENT_BATCH_ITEMS);
    expect(sent.problem.detail).toMatch(/and \d+ more issues$/);
    expect(sent.bytes).toBeLessThan(10_000);
  });

  it('keeps the documented limits in proportion', () => {
    expect(EVENT_BATCH_LIMITS.maxBytes).toBe(MAX_EVENT_BATCH_BYTES);
    expect(MAX_API_BODY_BYTES).toBeLessThan(MAX_EVENT_BATCH_BYTES);
  });

  it.each([
    ['POST /api/webhooks', '/api/webhooks', 'POST'],
    ['PATCH /api/webhooks/:id', '/api/webhooks/:id', 'PATCH'],
    ['POST /api/webhooks/:id/test', '/api/webhooks/:id/test', 'POST'],
    ['POST /api/webhooks/:id/replay', '/api/webhooks/:id/replay', 'POST'],
    ['POST /api/events/filter', '/api/events/filter', 'POST'],
    ['POST /api/events/count-by/day', '/api/events/count-by/day', 'POST'],
    ['POST /api/events/tail', '/api/events/tail', 'POST'],
  ])('%s refuses a body of a million keys with 422 json-too-complex (or 413)', async (_name, path, method) => {
    const sent = await post(path.replace(':id', webhookId), manyKeys(1_000_000), method);
    expect([413, 422]).toContain(sent.status);
    expect(['json-too-complex', 'payload-too-large']).toContain(sent.problem.code);
    expect(sent.bytes).toBeLessThan(1000);
  });

  it.each([
    ['POST /api/webhooks', '/api/webhooks', 'POST'],
    ['PATCH /api/webhooks/:id', '/api/webhooks/:id', 'PATCH'],
    ['POST /api/webhooks/:id/test', '/api/webhooks/:id/test', 'POST'],
    ['POST /api/events/filter', '/api/events/filter', 'POST'],
    ['POST /api/events', '/api/events', 'POST'],
  ])(
    '%s refuses a million values within the byte limit with 422 json-too-complex, before parsing',
    async (_name, path, method) => {
      const body = `[[${'0,'.repeat(999_999)}0]]`;
      const sent = await post(path.replace(':id', webhookId), body, method);
      expect(sent.status).toBe(422);
      expect(sent.problem.code).toBe('json-too-complex');
      expect(sent.bytes).toBeLessThan(1000);
    },
  );

  it('refuses a dry run with more sample headers than a request can have, without running it', async () => {
    const headers = JSON.parse(manyKeys(API_JSON_SHAPE.maxValues / 4, 'x-')) as Record<string, string>;
    const sent = await post(`/api/webhooks/${webhookId}/test`, JSON.stringify({ headers, body: {} }));
    console.log(`[api-bounds] dry run with ${Object.keys(headers).length} headers: ${sent.status}, ${sent.ms.toFixed(0)} ms`);
    expect(sent.status).toBe(422);
    expect(sent.problem.code).toBe('validation-failed');
    expect(sent.bytes).toBeLessThan(10_000);
  });

  it('still accepts a batch at the limit', async () => {
    const events = Array.from({ length: MAX_EVENT_BATCH_ITEMS }, (_, i) => ({
      id: crypto.randomUUID(),
      occurred: new Date().toISOString(),
      event: 'bounds.batch',
      resource: { 'prefect.resource.id': `bounds.${i}` },
    }));
    const sent = await t.api('/api/events', { method: 'POST', json: events });
    expect(sent.status).toBe(204);
  });
});
