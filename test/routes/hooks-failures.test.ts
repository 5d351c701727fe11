/**
 * Requests `ANY /hooks/:slug` cannot map: 400 problem+json, recorded as `hookgate.webhook.failed`
 * events (bounded in size, never a 500), and 503 with Retry-After when nothing can be committed.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { startServer } from '../helpers/app';
import { ECHO, type Problem, useHookRoutes } from '../helpers/hook-routes';

describe('ANY /hooks/:slug', () => {
  const hooks = useHookRoutes();
  const { post, webhook } = hooks;

  it('400 too-many-events beyond 100 events per request, and nothing but the failure is stored', async () => {
    const template =
      '[{{#each body.items}}{"event": "e", "resource": {"prefect.resource.id": "r"}}{{#unless @last}},{{/unless}}{{/each}}]';
    const hook = await webhook({ mapping: { kind: 'template', template } });
    const response = await post(hook.slug, JSON.stringify({ items: Array.from({ length: 101 }, (_, i) => i) }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).code).toBe('too-many-events');
    expect((await hooks.stored()).map((e) => e.event)).toEqual(['hookgate.webhook.failed']);
  });

  describe('failures are events', () => {
    it.each([
      [
        'a template that renders something other than JSON',
        '{"event": {{body.kind}}}',
        '{"kind": "x"}',
        'template-output-not-json',
      ],
      ['an event without resource', '{"event": "e"}', '{}', 'invalid-event'],
      [
        'a number in a label',
        '{"event": "e", "resource": {"prefect.resource.id": "r", "n": {{json body.n}}}}',
        '{"n": 5}',
        'invalid-event',
      ],
      ['a body that says JSON and is not', ECHO, '{"kind": ', 'invalid-body'],
      ['a helper that refuses its input', '{"event": "{{jsonParse body.s}}"}', '{"s": "not json"}', 'template-render-failed'],
    ])(
      '%s: 400 problem+json, and a hookgate.webhook.failed event with error, request and rendered text',
      async (_name, template, body, code) => {
        const hook = await webhook({ mapping: { kind: 'template', template } });
        const response = await post(hook.slug, body);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        const problem = (await response.json()) as Problem;
        expect(problem.code).toBe(code);
        const [failed] = (await hooks.stored()) as unknown as {
          event: string;
          resource: Record<string, string>;
          payload: { error: { code: string }; request: { method: string; body: string }; rendered: string | null };
        }[];
        expect(failed?.event).toBe('hookgate.webhook.failed');
        expect(failed?.resource['prefect.resource.id']).toBe(`hookgate.webhook.${hook.id}`);
        expect(failed?.payload.error.code).toBe(code);
        expect(failed?.payload.request).toMatchObject({ method: 'POST', body });
        expect(JSON.stringify(failed)).not.toContain(hook.slug);
      },
    );

    it('names the label that is not a string', async () => {
      const hook = await webhook({
        mapping: {
          kind: 'template',
          template: '{"event": "e", "resource": {"prefect.resource.id": "r", "count": {{json body.n}}}}',
        },
      });
      const problem = (await (await post(hook.slug, '{"n": 5}')).json()) as Problem;
      expect(problem.detail).toBe('resource.count: label values must be strings, got a number');
    });

    it('keeps what the template rendered', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: '{"event": {{body.kind}}}' } });
      await post(hook.slug, '{"kind": "x"}');
      const [failed] = (await hooks.stored()) as unknown as { payload: { rendered: string } }[];
      expect(failed?.payload.rendered).toBe('{"event": x}');
    });
  });

  describe('hostile bodies', () => {
    const nested = (depth: number) => `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`;

    it('answers 400 invalid-body (never 500) to JSON nested thousands deep, and records the failure', async () => {
      const hook = await webhook({
        mapping: {
          kind: 'template',
          template: '{"event": "e", "resource": {"prefect.resource.id": "r"}, "payload": {{json body}}}',
        },
      });
      const response = await post(hook.slug, nested(5000));
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).code).toBe('invalid-body');
      const [failed] = (await hooks.stored()) as unknown as { event: string; payload: { request: { body: string } } }[];
      expect(failed?.event).toBe('hookgate.webhook.failed');
      expect(failed?.payload.request.body).toBe(nested(5000));
    });

    it('stores a static event for a deep body, with the body kept as text', async () => {
      const hook = await webhook({
        mapping: { kind: 'static', event: { event: 'e', resource: { 'prefect.resource.id': 'r' } } },
      });
      expect((await post(hook.slug, nested(5000))).status).toBe(204);
      expect((await hooks.stored())[0]?.payload.body).toBe(nested(5000));
    });

    it('keeps a failure event within 1,500,000 bytes of JSON however the body escapes', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: '{{{rawBody}}}' } });
      const body = '\u0001'.repeat(1024 * 1024 - 10);
      const response = await post(hook.slug, body, { 'content-type': 'text/plain' });
      expect(response.status).toBe(400);
      const row = (await hooks.t.storedBodies()).find((body) => body.includes('"hookgate.webhook.failed"'));
      expect(Buffer.byteLength(row ?? '')).toBeLessThanOrEqual(1_500_000 + 60);
      const failure = JSON.parse(row ?? '{}') as {
        payload: { request: { bodyTruncated: boolean }; renderedTruncated: boolean };
      };
      expect(failure.payload.request.bodyTruncated).toBe(true);
      expect(failure.payload.renderedTruncated).toBe(true);
    });
  });

  it('503 with Retry-After when the store cannot commit (a read-only database), and no 2xx', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const readonly = hooks.t.openReadonlyStore();
    const app = createApp({ ...hooks.t.deps, store: readonly });
    const server = await startServer(app);
    try {
      const response = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"kind": "k", "id": 1}',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as Problem).code).toBe('store-unavailable');
      const failing = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(failing.status).toBe(503); // the failure event cannot be stored either: the sender must retry
    } finally {
      await server.close();
      await readonly.close();
    }
    expect(await hooks.stored()).toHaveLength(0);
  });
});
