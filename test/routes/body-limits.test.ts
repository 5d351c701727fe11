/**
 * Body limits outside /hooks, over a real server: a body over the limit — declared in
 * `Content-Length`, or streamed chunked with no length at all — is refused with 413
 * `payload-too-large` before sign-in, the session's CSRF check, a page or the API reads it.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_API_BODY_BYTES } from '../../src/http/body';
import { MAX_EVENT_BATCH_BYTES } from '../../src/routes/events';
import { MAX_SIGN_IN_BODY_BYTES, MAX_UI_BODY_BYTES } from '../../src/ui/http';
import { TEST_TOKEN } from '../helpers/app';
import { type ServedApp, serveTestApp } from '../helpers/hooks';
import { createUiClient, type UiClient } from '../ui/ui-client';

const CHUNK_BYTES = 64 * 1024;

interface Sent {
  status: number;
  contentType: string;
  body: string;
}

/**
 * POSTs `totalBytes` of form-like text to `path`: with `Content-Length` when `declared`, else
 * chunked. Stops sending once an answer arrives (a refusal comes before the body is read).
 */
function send(base: string, path: string, totalBytes: number, declared: boolean, headers: Record<string, string> = {}) {
  return new Promise<Sent>((resolve, reject) => {
    const url = new URL(path, base);
    const request = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(declared ? { 'content-length': String(totalBytes) } : {}),
        ...headers,
      },
    });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        request.destroy();
      });
    });
    // The server may close the connection once it has refused the body.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(CHUNK_BYTES, 'a');
    let sent = 0;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const size = Math.min(CHUNK_BYTES, totalBytes - sent);
        sent += size;
        if (!request.write(size === CHUNK_BYTES ? chunk : chunk.subarray(0, size))) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

function expectTooLarge(answer: Sent, maxBytes: number) {
  expect(answer.status).toBe(413);
  expect(answer.contentType).toBe('application/problem+json');
  expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: 'payload-too-large', maxBytes });
}

describe('body limits outside /hooks', () => {
  let gateway: ServedApp;
  let ui: UiClient;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    gateway = await serveTestApp();
    ui = createUiClient((request) => fetch(request), gateway.base);
    await ui.signIn(TEST_TOKEN);
    cookie = [...ui.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    csrf = await ui.csrf();
  });
  afterAll(() => gateway.stop());

  const sizes = { declared: true, chunked: false };

  for (const [how, declared] of Object.entries(sizes)) {
    it(`refuses a sign-in body over ${MAX_SIGN_IN_BODY_BYTES} bytes, ${how}, without a session`, async () => {
      expectTooLarge(await send(gateway.base, '/ui/sign-in', 1024 * 1024, declared), MAX_SIGN_IN_BODY_BYTES);
    });

    it(`refuses a sign-out body over ${MAX_SIGN_IN_BODY_BYTES} bytes, ${how}`, async () => {
      const answer = await send(gateway.base, '/ui/sign-out', 1024 * 1024, declared, { cookie, 'x-csrf-token': csrf });
      expectTooLarge(answer, MAX_SIGN_IN_BODY_BYTES);
    });

    it(`refuses another page's body over ${MAX_UI_BODY_BYTES} bytes, ${how}, before the CSRF check reads it`, async () => {
      const answer = await send(gateway.base, '/ui/webhooks', MAX_UI_BODY_BYTES + 1, declared, { cookie });
      expectTooLarge(answer, MAX_UI_BODY_BYTES);
    });

    it(`refuses an API body over ${MAX_API_BODY_BYTES} bytes, ${how}, with 413 (not 400)`, async () => {
      const answer = await send(gateway.base, '/api/webhooks', MAX_API_BODY_BYTES + 1, declared, {
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
      });
      expectTooLarge(answer, MAX_API_BODY_BYTES);
    });

    it(`refuses an event batch over ${MAX_EVENT_BATCH_BYTES} bytes, ${how}, with 413`, async () => {
      const answer = await send(gateway.base, '/api/events', MAX_EVENT_BATCH_BYTES + 1, declared, {
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
      });
      expectTooLarge(answer, MAX_EVENT_BATCH_BYTES);
    });
  }

  it('answers a browser form that is too large with a page, still 413', async () => {
    const answer = await send(gateway.base, '/ui/sign-in', 1024 * 1024, false, { accept: 'text/html,*/*;q=0.8' });
    expect(answer.status).toBe(413);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.body).toContain('<h1>Payload too large</h1>');
    expect(answer.body).toContain('The body may be at most 65536 bytes');
  });

  it('refuses a large body without a session or token unread: 401, not 413', async () => {
    expect((await send(gateway.base, '/ui/webhooks', MAX_UI_BODY_BYTES + 1, false)).status).toBe(401);
    expect((await send(gateway.base, '/api/events', MAX_API_BODY_BYTES + 1, false)).status).toBe(401);
  });

  it('still takes what the pages send: a sign-in, and a preview whose pasted request makes the form over 1 MB', async () => {
    const fresh = createUiClient((request) => fetch(request), gateway.base);
    expect((await fresh.signIn(TEST_TOKEN)).status).toBe(303);
    const created = await gateway.api('/api/webhooks', {
      method: 'POST',
      json: {
        name: 'big',
        mapping: { kind: 'template', template: '{"event": "big", "resource": {"prefect.resource.id": "x"}}' },
      },
    });
    const { id } = (await created.json()) as { id: string };
    const preview = await fresh.post(`/ui/webhooks/${id}/mapping`, {
      _csrf: await fresh.csrf(),
      intent: 'preview',
      mapping_text: '{"event": "big.{{length body.items}}", "resource": {"prefect.resource.id": "x"}}',
      sample: 'pasted',
      method: 'POST',
      headers: 'content-type: application/json',
      body: JSON.stringify({ items: Array.from({ length: 60_000 }, (_, i) => `item-${i}`) }),
    });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('big.60000');
  });
  it('reads a chunked body under the limit as it would a declared one', async () => {
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          controller.enqueue(bytes.subarray(0, 10));
          controller.enqueue(bytes.subarray(10));
          controller.close();
        },
      });
    const webhook = JSON.stringify({ name: 'chunked', mapping: { kind: 'cloudevents' } });
    const created = await fetch(`${gateway.base}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: chunked(webhook),
      duplex: 'half',
    } as RequestInit);
    expect(created.status).toBe(201);

    const fresh = createUiClient((request) => fetch(request), gateway.base);
    const form = await (await fresh.request('/ui/sign-in')).text();
    const token = /name="_form" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = new URLSearchParams({ _form: token, next: '/ui/webhooks', token: TEST_TOKEN }).toString();
    const signedIn = await fresh.request('/ui/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: chunked(fields),
      duplex: 'half',
    } as RequestInit);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/ui/webhooks');
  });
});
