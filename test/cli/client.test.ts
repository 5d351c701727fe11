/**
 * The CLI's API client against a real gateway: a refused admin token is said as such; any other
 * problem — a 401 that is not about the token included — is said with the gateway's own detail.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/cli/client';
import { CliError } from '../../src/cli/errors';
import { type RunningServer, startServer, TEST_TOKEN } from '../helpers/app';
import { type ServedApp, serveTestApp } from '../helpers/hooks';

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as CliError).message;
}

describe('the CLI client', () => {
  let gateway: ServedApp;
  beforeAll(async () => {
    gateway = await serveTestApp();
  });
  afterAll(() => gateway.stop());

  it('says the admin token was refused only when the gateway says so', async () => {
    const client = createClient({ url: gateway.base, token: 'not-the-token' });
    expect(await failure(client.request('GET', '/api/webhooks'))).toBe(
      `the gateway at ${gateway.base} refused the token: not the admin token or a live API key (401)`,
    );
  });

  it('prints the problem of a dry run whose signature fails, not a token error', async () => {
    const client = createClient({ url: gateway.base, token: TEST_TOKEN });
    const created = await client.request<{ id: string }>('POST', '/api/webhooks', {
      name: 'signed',
      mapping: { kind: 'template', template: '{"event": "x", "resource": {"prefect.resource.id": "x"}}' },
      verify: { scheme: 'github', secrets: ['github-secret-0123456789'] },
    });
    const message = await failure(client.request('POST', `/api/webhooks/${created.id}/test`, { body: { n: 1 } }));
    expect(message).toContain('(signature-missing)');
    expect(message).not.toContain('admin token');
  });

  describe('with a 401 that is not about the token', () => {
    let server: RunningServer;
    beforeAll(async () => {
      const app = new Hono();
      app.all('*', () =>
        Response.json(
          { status: 401, code: 'signature-missing', detail: 'no x-hub-signature-256 header' },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        ),
      );
      server = await startServer(app);
    });
    afterAll(() => server.close());

    it("prints the problem's detail", async () => {
      const client = createClient({ url: server.url, token: TEST_TOKEN });
      expect(await failure(client.request('POST', '/api/webhooks/x/test', {}))).toBe(
        'no x-hub-signature-256 header (signature-missing)',
      );
    });
  });
});
