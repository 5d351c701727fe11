/**
 * Where the runtime gives each request an ExecutionContext (Workers), the delivery log's write after
 * the response is handed to its `waitUntil`, so the isolate cannot stop before the record is
 * written; where it does not (Node), nothing asks for one.
 */
import type { ExecutionContext } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { createdWebhook } from '../helpers/webhooks-api';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

function recordingContext(): { ctx: ExecutionContext; handed: Promise<unknown>[] } {
  const handed: Promise<unknown>[] = [];
  const ctx = { waitUntil: (promise: Promise<unknown>) => handed.push(promise), passThroughOnException() {}, props: {} };
  return { ctx, handed };
}

async function deliverOnce(executionContext: boolean): Promise<{ app: TestApp; handed: Promise<unknown>[]; webhookId: string }> {
  const app = createTestApp({ executionContext });
  testApp = app;
  const webhook = await createdWebhook(app, {
    name: 'wait-until',
    mapping: { kind: 'static', event: { event: 'tick', resource: { 'prefect.resource.id': 'tick' } } },
  });
  const { ctx, handed } = recordingContext();
  const request = new Request(`http://localhost/hooks/${webhook.slug}`, { method: 'POST', body: '{}' });
  const response = await app.app.fetch(request, {}, ctx);
  expect(response.status).toBe(204);
  return { app, handed, webhookId: webhook.id };
}

describe('work after the response', () => {
  it("goes to the runtime's waitUntil where it has an ExecutionContext, and the record is written by it", async () => {
    const { app, handed, webhookId } = await deliverOnce(true);
    expect(handed.length).toBeGreaterThan(0);
    await Promise.all(handed);
    const listed = await app.api(`/api/webhooks/${webhookId}/deliveries`);
    const { deliveries } = (await listed.json()) as { deliveries: { outcome: string }[] };
    expect(deliveries.map((d) => d.outcome)).toEqual(['stored']);
  });

  it('is not handed to a context the runtime does not declare', async () => {
    const { handed } = await deliverOnce(false);
    expect(handed).toEqual([]);
  });
});
