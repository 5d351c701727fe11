/**
 * Defect 2 of issue 14: a sender that disconnects mid-body, or sends a malformed chunked body, is
 * the client's failure: counted in a 4xx class (`hookgate_hook_requests_total{status="499"}` for a
 * request the client closed, 400 for a body that cannot be read), logged below error level, never
 * `unhandled error` or a 500. Over a real socket to a real server.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/deps';
import { TEST_TOKEN } from '../helpers/app';
import { createWebhook, type ServedApp, serveTestApp } from '../helpers/hooks';

interface Line {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** Writes `chunks` on a raw TCP connection (pausing between them), then closes it; resolves with what came back. */
function rawExchange(base: string, chunks: string[], { endWithReset = false } = {}): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 30));
      }
      if (endWithReset) socket.resetAndDestroy();
      else socket.end();
    });
  });
}

async function metrics(gateway: ServedApp): Promise<string> {
  const response = await fetch(`${gateway.base}/metrics`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** Polls (bounded) until `check` holds: the server notices a closed socket asynchronously. */
async function eventually(check: () => Promise<boolean>, attempts = 50): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('a client that aborts or sends a malformed body (issue 14, defect 2)', () => {
  let gateway: ServedApp;
  let slug: string;
  const lines: Line[] = [];
  const record = (level: Line['level']) => (message: string, fields?: unknown) =>
    lines.push({ level, message: `${message} ${JSON.stringify(fields ?? {}).slice(0, 300)}` });
  const log: Logger = { info: record('info'), warn: record('warn'), error: record('error') };

  beforeAll(async () => {
    gateway = await serveTestApp({ log });
    const webhook = await createWebhook(gateway.base, {
      name: 'abort',
      mapping: { kind: 'static', event: { event: 'abort.tested', resource: { 'prefect.resource.id': 'abort' } } },
    });
    slug = webhook.slug;
  });
  afterAll(() => gateway.stop());

  const status = (code: number) => new RegExp(`hookgate_hook_requests_total\\{[^}]*status="${code}"[^}]*\\} (\\d+)`);

  it('counts a sender that disconnects mid-body as 499, logs it below error level', async () => {
    const head = `POST /hooks/${slug} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
    await rawExchange(gateway.base, [head, '{"partial": '], { endWithReset: true });
    expect(await eventually(async () => status(499).test(await metrics(gateway)))).toBe(true);
    const text = await metrics(gateway);
    console.log(`[client-abort] mid-body disconnect: ${text.match(status(499))?.[0]}`);
    expect(text).not.toMatch(status(500));
  });

  it('counts a malformed chunked body as a 4xx, never 500', async () => {
    const head = `POST /hooks/${slug} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const answer = await rawExchange(gateway.base, [head, 'zz\r\n']);
    await new Promise((r) => setTimeout(r, 100));
    expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    expect(await metrics(gateway)).not.toMatch(status(500));
  });

  it('treats an API client that disconnects mid-body the same way', async () => {
    const head = `POST /api/webhooks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n`;
    await rawExchange(gateway.base, [head, '{"name": '], { endWithReset: true });
    await new Promise((r) => setTimeout(r, 100));
  });

  it('logged none of it as an unhandled error', () => {
    console.log(`[client-abort] log lines: ${lines.map((l) => `${l.level} ${l.message}`).join(' | ')}`);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines.some((l) => /client closed|could not be read/.test(l.message))).toBe(true);
  });
});
