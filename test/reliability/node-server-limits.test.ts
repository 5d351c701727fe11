/**
 * Issue 14's gaps on the Node server, over real sockets: wrong admin tokens and sign-ins are limited
 * per client address (429 + Retry-After after a burst), slow or idle connections are closed by the
 * server's timeouts, and connections past the cap are closed at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../../src/adapter/node/gateway';
import { AUTH_FAILURE_BURST } from '../../src/core/auth-failures';
import { silentLogger } from '../../src/deps';
import { Config } from '../../src/schemas/config';
import { createUiClient } from '../ui/ui-client';

const TOKEN = 'node-limits-admin-token-0123456789';

/** Opens a raw connection; resolves with a handle that knows when the server closed it. */
function open(url: string): Promise<{ socket: Socket; closed: Promise<number> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.resume(); // read (and drop) what the server answers, so its close is seen
    const openedAt = performance.now();
    const closed = new Promise<number>((done) => {
      socket.on('close', () => done(performance.now() - openedAt));
      socket.on('error', () => {});
    });
    socket.on('connect', () => resolve({ socket, closed }));
  });
}

describe('the Node server under abuse (issue 14 gaps)', () => {
  let gateway: Gateway;
  let dir: string;
  let slug: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-limits-'));
    const config = Config.parse({
      HOOKGATE_DB: join(dir, 'hookgate.db'),
      HOOKGATE_ADMIN_TOKEN: TOKEN,
      HOOKGATE_HEADERS_TIMEOUT_MS: '500',
      HOOKGATE_REQUEST_TIMEOUT_MS: '1000',
      HOOKGATE_KEEP_ALIVE_TIMEOUT_MS: '300',
      HOOKGATE_MAX_CONNECTIONS: '8',
    });
    // PORT 0: a free port; the schema takes positive ports, so set it after parsing.
    gateway = await startGateway({ ...config, PORT: 0 }, silentLogger);
    const created = await fetch(`${gateway.url}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'slow',
        mapping: { kind: 'static', event: { event: 's', resource: { 'prefect.resource.id': 's' } } },
      }),
    });
    slug = ((await created.json()) as { slug: string }).slug;
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers wrong admin tokens 401 for a burst, then 429 with Retry-After — the right token too, until it refills', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURE_BURST + 2; i++) {
      const response = await fetch(`${gateway.url}/api/webhooks`, { headers: { authorization: `Bearer wrong-token-${i}` } });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await response.json()) as { code: string }).code).toBe('too-many-failures');
      } else {
        await response.body?.cancel();
      }
    }
    console.log(`[node-limits] wrong tokens: ${statuses.join(' ')}`);
    expect(statuses.slice(0, AUTH_FAILURE_BURST).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(AUTH_FAILURE_BURST).every((s) => s === 429)).toBe(true);
    const right = await fetch(`${gateway.url}/api/webhooks`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(429);
  });

  it('limits sign-ins at the pages the same way (same address, same limiter)', async () => {
    const ui = createUiClient((request) => fetch(request), gateway.url);
    const response = await ui.signIn('not-the-token-at-all');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('closes a connection whose headers never finish (headers timeout)', async () => {
    const { socket, closed } = await open(gateway.url);
    socket.write('POST /hooks/x HTTP/1.1\r\nHost: x\r\n');
    const ms = await closed;
    console.log(`[node-limits] slow headers closed after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });

  it('closes a connection whose body never finishes (request timeout)', async () => {
    const { socket, closed } = await open(gateway.url);
    socket.write(`POST /hooks/${slug} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{`);
    const ms = await closed;
    expect(ms).toBeGreaterThanOrEqual(900);
    console.log(`[node-limits] slow body closed after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });

  it('closes connections past the cap at once, and serves again once they are gone', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => open(gateway.url)));
    for (const { socket } of held) socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const extra = await open(gateway.url);
    const ms = await extra.closed;
    console.log(`[node-limits] connection past the cap closed after ${ms.toFixed(0)} ms`);
    for (const { socket } of held) socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
