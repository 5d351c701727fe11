/**
 * `POST /api/webhooks/:id/replay`: stored failed requests re-run through the webhook's current
 * mapping; idempotent (replaying twice stores the events once); still-failing ones are reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryEventId, uuidv5 } from '../../src/lib/ids';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEventsOf } from '../helpers/hooks';

/** Renders JSON, but `count` is a number where a label needs a string: every request fails validation. */
const BROKEN = `{"event": "order.{{body.action}}", "resource": {"prefect.resource.id": "order.{{body.id}}", "count": {{json body.count}}}}`;
const FIXED = `{"event": "order.{{body.action}}", "resource": {"prefect.resource.id": "order.{{body.id}}", "tenant": "{{query.tenant}}", "via": "{{headers.x-via}}"}}`;
const FAN_OUT = `[{{#each body.items}}{"event": "item.{{this}}", "resource": {"prefect.resource.id": "item.{{this}}"}}{{#unless @last}},{{/unless}}{{/each}}]`;

interface Report {
  total: number;
  replayed: { failure: string; events: string[] }[];
  written: number;
  duplicates: number;
  failed: { failure: string; error: { code: string; detail: string } }[];
  skipped: { failure: string; reason: string }[];
}

describe('replaying failed requests', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function createHook(template: string, extra: Record<string, unknown> = {}) {
    const response = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'orders', mapping: { kind: 'template', template }, ...extra },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; name: string; slug: string };
  }

  function deliver(
    slug: string,
    body: unknown,
    { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {},
  ) {
    return t.app.request(`/hooks/${slug}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function setTemplate(id: string, template: string) {
    const response = await t.api(`/api/webhooks/${id}`, { method: 'PATCH', json: { mapping: { kind: 'template', template } } });
    expect(response.status).toBe(200);
  }

  async function replay(id: string, body?: unknown): Promise<{ status: number; report: Report }> {
    const response = await t.api(`/api/webhooks/${id}/replay`, { method: 'POST', ...(body !== undefined && { json: body }) });
    return { status: response.status, report: (await response.json()) as Report };
  }

  const failuresOf = async (hook: { id: string }) =>
    (await storedEventsOf(t, hook)).filter((e) => e.event === 'hookgate.webhook.failed');
  const okEventsOf = async (hook: { id: string }) =>
    (await storedEventsOf(t, hook)).filter((e) => e.event !== 'hookgate.webhook.failed');

  it('re-runs a failure through the fixed mapping, with its query and headers, once', async () => {
    const hook = await createHook(BROKEN);
    const sent = await deliver(
      hook.slug,
      { action: 'paid', id: 7, count: 2 },
      { query: '?tenant=acme', headers: { 'x-via': 'shop' } },
    );
    expect(sent.status).toBe(400);
    const [failure] = await failuresOf(hook);
    expect(failure).toBeDefined();

    await setTemplate(hook.id, FIXED);
    const first = await replay(hook.id);
    expect(first.status).toBe(200);
    const expectedId = uuidv5(hook.id, `replay:${failure?.id}:0`);
    expect(first.report).toEqual({
      total: 1,
      replayed: [{ failure: failure?.id, events: [expectedId] }],
      written: 1,
      duplicates: 0,
      failed: [],
      skipped: [],
    });
    const [event] = await okEventsOf(hook);
    expect(event).toMatchObject({
      id: expectedId,
      event: 'order.paid',
      occurred: failure?.occurred,
      resource: { 'prefect.resource.id': 'order.7', tenant: 'acme', via: 'shop' },
    });

    const second = await replay(hook.id);
    expect(second.report).toMatchObject({ total: 1, written: 0, duplicates: 1, replayed: [{ events: [expectedId] }] });
    expect(await okEventsOf(hook)).toHaveLength(1);
    expect(await failuresOf(hook)).toHaveLength(1);
  });

  it("gives events the ids a successful delivery would have had when the webhook has idFrom, so the provider's retry adds nothing", async () => {
    const hook = await createHook(BROKEN, { idFrom: 'header:x-delivery' });
    expect((await deliver(hook.slug, { action: 'paid', id: 1, count: 1 }, { headers: { 'x-delivery': 'd-42' } })).status).toBe(
      400,
    );
    await setTemplate(hook.id, FIXED);

    const { report } = await replay(hook.id);
    expect(report.replayed[0]?.events).toEqual([deliveryEventId(hook.id, 'd-42', 0)]);
    expect((await deliver(hook.slug, { action: 'paid', id: 1, count: 1 }, { headers: { 'x-delivery': 'd-42' } })).status).toBe(
      204,
    );
    expect((await okEventsOf(hook)).map((e) => e.id)).toEqual([deliveryEventId(hook.id, 'd-42', 0)]);
  });

  it('numbers fan-out events by index', async () => {
    const hook = await createHook(BROKEN);
    await deliver(hook.slug, { items: ['a', 'b'], count: 1 });
    const [failure] = await failuresOf(hook);
    await setTemplate(hook.id, FAN_OUT);
    const { report } = await replay(hook.id);
    expect(report.replayed[0]?.events).toEqual([0, 1].map((n) => uuidv5(hook.id, `replay:${failure?.id}:${n}`)));
    expect((await okEventsOf(hook)).map((e) => e.event)).toEqual(['item.a', 'item.b']);
  });

  it('reports requests the mapping still cannot map, and stores nothing for them', async () => {
    const hook = await createHook(BROKEN);
    await deliver(hook.slug, { action: 'paid', count: 3 });
    await deliver(hook.slug, { action: 'paid', id: 2, count: 3 });
    const failures = await failuresOf(hook);
    expect(failures).toHaveLength(2);
    await setTemplate(hook.id, FIXED.replace('{{body.id}}', '{{required body.id}}'));

    const { report } = await replay(hook.id);
    expect(report.replayed).toEqual([{ failure: failures[1]?.id, events: [expect.any(String)] }]);
    expect(report.failed).toEqual([
      {
        failure: failures[0]?.id,
        error: expect.objectContaining({ code: 'template-render-failed', detail: expect.stringContaining('body.id') }),
      },
    ]);
    expect(await failuresOf(hook)).toHaveLength(2);
    expect(await okEventsOf(hook)).toHaveLength(1);
  });

  it('replays only the failures named by `ids`, and only those of this webhook', async () => {
    const hook = await createHook(BROKEN);
    const other = await createHook(BROKEN);
    await deliver(hook.slug, { action: 'a', id: 1, count: 1 });
    await deliver(hook.slug, { action: 'b', id: 2, count: 1 });
    await deliver(other.slug, { action: 'c', id: 3, count: 1 });
    await setTemplate(hook.id, FIXED);
    const [, second] = await failuresOf(hook);

    const { report } = await replay(hook.id, { ids: [second?.id] });
    expect(report.total).toBe(1);
    expect(report.replayed.map((r) => r.failure)).toEqual([second?.id]);
    expect((await okEventsOf(hook)).map((e) => e.event)).toEqual(['order.b']);

    const all = await replay(hook.id);
    expect(all.report.total).toBe(2);
    expect(await okEventsOf(other)).toEqual([]);
  });

  it('skips a failure whose stored body was truncated', async () => {
    const hook = await createHook(BROKEN);
    // 800 KB of body, each quote escaped twice in the failure event: over its 1.5 MB limit.
    const big = JSON.stringify({ action: 'big', id: 1, count: 1, filler: '"'.repeat(400_000) });
    expect((await deliver(hook.slug, big)).status).toBe(400);
    const [failure] = await failuresOf(hook);
    expect(failure?.payload.request).toMatchObject({ bodyTruncated: true });
    await setTemplate(hook.id, FIXED);

    const { report } = await replay(hook.id);
    expect(report).toMatchObject({ replayed: [], written: 0, skipped: [{ failure: failure?.id, reason: 'body-truncated' }] });
  });

  it('needs the admin token, a known webhook and a valid body', async () => {
    const hook = await createHook(FIXED);
    expect((await t.app.request(`/api/webhooks/${hook.id}/replay`, { method: 'POST' })).status).toBe(401);
    expect((await replay('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await replay(hook.id, { limit: 0, extra: true });
    expect(bad.status).toBe(422);
    expect((await replay(hook.id)).report).toEqual({
      total: 0,
      replayed: [],
      written: 0,
      duplicates: 0,
      failed: [],
      skipped: [],
    });
  });
});
