/**
 * Who and how much `ANY /hooks/:slug` accepts: verification (401, rotation), per-webhook rate
 * limits taken only after verification (429), and the body size limit (413) over real HTTP.
 */
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/app';
import { ECHO, type Problem, useHookRoutes } from '../helpers/hook-routes';

describe('ANY /hooks/:slug', () => {
  const hooks = useHookRoutes();
  const { post, webhook } = hooks;

  it('401 when verification fails, and nothing is stored', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['right-token-123'] },
    });
    const missing = await post(hook.slug, '{"kind": "k", "id": 1}');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Problem).code).toBe('signature-missing');
    const wrong = await post(hook.slug, '{"kind": "k", "id": 1}', {
      'content-type': 'application/json',
      authorization: 'Bearer wrong',
    });
    expect(((await wrong.json()) as Problem).code).toBe('signature-mismatch');
    expect(await hooks.stored()).toHaveLength(0);
  });

  it('accepts any of several secrets (rotation), for bearer and basic', async () => {
    const bearer = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['old-token-1234', 'new-token-5678'] },
    });
    for (const token of ['old-token-1234', 'new-token-5678']) {
      const response = await post(bearer.slug, '{"kind": "k", "id": 1}', {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(204);
    }
    const basic = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'basic', username: 'ci', secrets: ['pw-one', 'pw-two'] },
    });
    const auth = (user: string, pw: string) => ({
      'content-type': 'application/json',
      authorization: `Basic ${btoa(`${user}:${pw}`)}`,
    });
    expect((await post(basic.slug, '{"kind": "k", "id": 1}', auth('ci', 'pw-two'))).status).toBe(204);
    expect((await post(basic.slug, '{"kind": "k", "id": 1}', auth('other', 'pw-two'))).status).toBe(401);
  });

  it('429 with Retry-After beyond the webhook’s rate limit', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, rateLimit: { requests: 2, perSeconds: 60 } });
    expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 2}')).status).toBe(204);
    const limited = await post(hook.slug, '{"kind": "k", "id": 3}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as Problem).code).toBe('rate-limited');
    expect(await hooks.stored()).toHaveLength(2);
  });

  it('counts only verified requests against the rate limit: unsigned floods cannot drain it', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['limited-sender-token'] },
      rateLimit: { requests: 2, perSeconds: 60 },
    });
    for (let i = 0; i < 5; i++) expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(401);
    const signed = { 'content-type': 'application/json', authorization: 'Bearer limited-sender-token' };
    expect((await post(hook.slug, '{"kind": "k", "id": 1}', signed)).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 2}', signed)).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 3}', signed)).status).toBe(429);
  });

  it('does not count a sender’s OPTIONS check (CloudEvents abuse protection) against the rate limit', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, rateLimit: { requests: 1, perSeconds: 60 } });
    for (let i = 0; i < 3; i++) {
      const check = await hooks.t.app.request(`/hooks/${hook.slug}`, {
        method: 'OPTIONS',
        headers: { 'webhook-request-origin': 'eventemitter.example.com' },
      });
      expect(check.status).toBe(200);
    }
    expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(204);
  });

  it('413 for a body over the limit, declared or streamed, over real HTTP; nothing stored', async () => {
    await hooks.restart({ maxBodyBytes: 1000 });
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const server = await startServer(hooks.t.app);
    try {
      const declared = await fetch(`${server.url}/hooks/${hook.slug}`, { method: 'POST', body: 'x'.repeat(1001) });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as Problem).code).toBe('payload-too-large');
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(300)));
          controller.close();
        },
      });
      const streamed = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const exact = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'k', id: 1, pad: 'z'.repeat(1000 - 30) }),
      });
      expect(exact.status).toBe(204);
    } finally {
      await server.close();
    }
    expect(await hooks.stored()).toHaveLength(1);
  });
});
