/** Setup shared by the `/api/webhooks` route tests: a template mapping, and creating through the API. */
import { expect } from 'vitest';
import type { TestApp } from './app';

/** A template mapping that names a model from a JSON body. */
export const TEMPLATE = '{"event": "model.refreshed", "resource": {"prefect.resource.id": "product.models.{{body.model}}"}}';

/** `POST /api/webhooks` with `body` (a template webhook named "models" by default): the response and its JSON. */
export async function createViaApi(
  t: TestApp,
  body: unknown = { name: 'models', mapping: { kind: 'template', template: TEMPLATE } },
): Promise<{ response: Response; body: Record<string, unknown> }> {
  const response = await t.api('/api/webhooks', { method: 'POST', json: body });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

/** `POST /api/webhooks` that must succeed (201, or the test fails showing the problem): the created webhook. */
export async function createdWebhook<T extends object = Record<string, unknown>>(
  t: Pick<TestApp, 'api'>,
  body: Record<string, unknown>,
): Promise<{ id: string; slug: string } & T> {
  const response = await t.api('/api/webhooks', { method: 'POST', json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; slug: string } & T;
}
