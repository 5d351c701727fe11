/** The OpenAPI document lists exactly the API the app serves, with the schemas that validate it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebhookView } from '../../src/schemas/webhook';
import { createTestApp, type TestApp } from '../helpers/app';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;
}

describe('GET /api/openapi.json', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('is an OpenAPI 3.1 document, behind the admin token', async () => {
    expect((await t.app.request('/api/openapi.json')).status).toBe(401);
    const response = await t.api('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as Document).openapi).toBe('3.1.0');
  });

  it('lists every /api route the app serves, and no other', async () => {
    const document = (await (await t.api('/api/openapi.json')).json()) as Document;
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = new Set(
      t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    expect(new Set(documented)).toEqual(served);
  });

  it('describes webhooks as the API really answers them (url, hints, never secrets)', async () => {
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'gh', preset: 'github', verify: { secrets: ['a-github-secret-1234'] } },
    });
    const body = await created.json();
    expect(WebhookView.safeParse(body).success).toBe(true);
    const document = (await (await t.api('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { post: { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }
      >;
    };
    const schema = document.paths['/api/webhooks']?.post.responses['201']?.content['application/json']?.schema as {
      required: string[];
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.required).toContain('url');
    expect(Object.keys(schema.properties.verify?.properties ?? {})).toEqual(['scheme', 'secretHints']);
  });

  it('describes request bodies with the validating schemas (e.g. the webhook and event limits)', async () => {
    const document = (await (await t.api('/api/openapi.json')).json()) as Document;
    const create = document.paths['/api/webhooks']?.post?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, { maxLength?: number }>;
      required: string[];
    };
    expect(create.properties.name?.maxLength).toBe(5000);
    expect(create.required).toContain('name');
    const events = document.paths['/api/events']?.post?.requestBody?.content['application/json']?.schema as {
      items: { properties: Record<string, Record<string, unknown>> };
    };
    expect(events.items.properties.id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(events.items.properties.resource).toMatchObject({
      required: ['prefect.resource.id'],
      additionalProperties: { type: 'string' },
    });
  });
});
