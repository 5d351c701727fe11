/**
 * `POST /api/webhooks/:id/test`: a sample request goes through the live pipeline (verification,
 * handshakes, mapping) without storing anything, and answers as the live URL would.
 */
import { describe, expect, it } from 'vitest';
import { signGithub, signSlack } from '../../src/cli/signers';
import { sampleToRequest } from '../../src/core/sample-request';
import { InputError } from '../../src/lib/errors';
import type { SampleRequest } from '../../src/schemas/webhook';
import { usePerTestApp } from '../helpers/per-test-app';
import { createViaApi, TEMPLATE } from '../helpers/webhooks-api';

describe('webhooks API', () => {
  const webhooks = usePerTestApp();
  const create = (body?: unknown) => createViaApi(webhooks.t, body);

  describe('dry run (POST /api/webhooks/:id/test)', () => {
    it('returns the events a sample request becomes, and stores nothing', async () => {
      const { body: created } = await create();
      const response = await webhooks.t.api(`/api/webhooks/${created.id}/test`, {
        method: 'POST',
        json: { method: 'POST', headers: { 'content-type': 'application/json' }, body: { model: 'recs' } },
      });
      expect(response.status).toBe(200);
      const { events } = (await response.json()) as { events: { event: string; resource: Record<string, string> }[] };
      expect(events).toHaveLength(1);
      expect(events[0]?.resource['prefect.resource.id']).toBe('product.models.recs');
      // Only the audit event of the webhook's creation.
      const stored = await webhooks.t.deps.store.queryEvents({} as never, { limit: 10, offset: 0 });
      expect(stored.events.map((e) => e.event)).toEqual(['hookgate.webhook.created']);
    });

    it('gives the same error the live endpoint would, plus the rendered text, and stores no failure', async () => {
      const { body: created } = await create({
        name: 'broken',
        mapping: { kind: 'template', template: '{"event": {{json body.n}}' },
      });
      const dry = await webhooks.t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { body: { n: 1 } } });
      const live = await webhooks.t.app.request(`/hooks/${created.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"n": 1}',
      });
      expect(dry.status).toBe(live.status);
      const dryProblem = (await dry.json()) as Record<string, unknown>;
      const liveProblem = (await live.json()) as Record<string, unknown>;
      expect(dryProblem.code).toBe(liveProblem.code);
      expect(dryProblem.detail).toBe(liveProblem.detail);
      expect(dryProblem.rendered).toBe('{"event": 1');
      expect(dryProblem.liveStatus).toBe(400);
      expect(liveProblem.rendered).toBeUndefined();
    });

    it('checks the signature as the live URL does, and answers a failure 422 with the live status, not 401', async () => {
      const secret = 'github-secret-0123456789';
      const { body: created } = await create({
        name: 'signed',
        mapping: { kind: 'template', template: TEMPLATE },
        verify: { scheme: 'github', secrets: [secret] },
      });
      const body = '{"model": "recs"}';
      const test = (headers: Record<string, string>) =>
        webhooks.t.api(`/api/webhooks/${created.id}/test`, {
          method: 'POST',
          json: { headers: { 'content-type': 'application/json', ...headers }, body },
        });
      for (const [headers, code] of [
        [{}, 'signature-missing'],
        [signGithub('not-the-secret-0123456789', body), 'signature-mismatch'],
      ] as const) {
        const dry = await test(headers);
        const live = await webhooks.t.app.request(`/hooks/${created.slug}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        expect(live.status).toBe(401);
        const liveProblem = (await live.json()) as Record<string, unknown>;
        expect(dry.status, code).toBe(422);
        expect(await dry.json()).toMatchObject({ code, detail: liveProblem.detail, liveStatus: 401, status: 422 });
      }
      const signed = await test(signGithub(secret, body));
      expect(signed.status).toBe(200);
      expect(await signed.json()).toMatchObject({ events: [{ resource: { 'prefect.resource.id': 'product.models.recs' } }] });
    });

    it('answers a handshake as the live URL would: no events, and the answer', async () => {
      const secret = 'slack-secret-0123456789';
      const { body: created } = await create({ name: 'slack', preset: 'slack', verify: { secrets: [secret] } });
      const body = '{"type": "url_verification", "challenge": "c-123", "token": "t"}';
      const headers = { 'content-type': 'application/json', ...signSlack(secret, body, Math.floor(Date.now() / 1000)) };
      const dry = await webhooks.t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { headers, body } });
      expect(dry.status).toBe(200);
      const answer = (await dry.json()) as { events: unknown[]; handshake: { status: number; body: string } };
      expect(answer).toMatchObject({ events: [], handshake: { status: 200 } });
      expect(JSON.parse(answer.handshake.body)).toEqual({ challenge: 'c-123' });
    });

    it.each([
      [{ headers: { 'bad name': 'x' } }, 'headers["bad name"]', 'header name'],
      [{ headers: { '': 'x' } }, 'headers[""]', 'header name'],
      [{ headers: { 'x-a': 'a\nb' } }, 'headers["x-a"]', 'CR, LF or NUL'],
      [{ headers: { 'x-a': 'a\u0000b' } }, 'headers["x-a"]', 'CR, LF or NUL'],
      [{ headers: { 'x-price': '10 €' } }, 'headers["x-price"]', 'Latin-1'],
      [{ method: 'CONNECT' }, 'method', 'must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
      [{ method: 'TRACE' }, 'method', 'must be one of'],
      [{ method: 'track' }, 'method', 'must be one of'],
    ])('refuses a sample that cannot be sent, %j: 422 naming the field', async (sample, path, message) => {
      const { body: created } = await create();
      const response = await webhooks.t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: sample });
      expect(response.status).toBe(422);
      const problem = (await response.json()) as { code: string; issues: { path: string; message: string }[] };
      expect(problem.code).toBe('validation-failed');
      expect(problem.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
    });

    it('takes any method senders use, in any case', async () => {
      const { body: created } = await create();
      for (const method of ['get', 'HEAD', 'Post', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const response = await webhooks.t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { method } });
        expect(response.status, method).toBe(200);
      }
    });

    it('turns a sample the runtime still refuses into a 422, never a 500', () => {
      // Outside what the schema admits, on purpose: the safety net behind it.
      const refused = () => sampleToRequest({ method: 'CONNECT', headers: {}, query: {} } as unknown as SampleRequest);
      expect(refused).toThrow(InputError);
      try {
        refused();
      } catch (error) {
        expect(error).toMatchObject({ status: 422, code: 'invalid-sample' });
      }
    });
  });
});
