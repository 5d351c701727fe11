/**
 * `npm start` as a user runs it: the built gateway (dist/, as `npm start` builds it) in a child
 * process on a random port — its token, its writer thread, its shutdown.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, runGatewayToExit, spawnGateway } from '../helpers/gateway-process';

let entry = '';

/** The built gateway with `env`, once it listens. */
const start = (env: Record<string, string>) => spawnGateway({ entry, env });

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('the Node gateway process', () => {
  beforeAll(() => {
    entry = buildGateway('node-gateway');
  });

  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-node-'));
    dirs.push(dir);
    return dir;
  }

  it('generates an admin token on first start, keeps it (0600) and prints it only once', async () => {
    const dir = dataDir();
    const db = join(dir, 'nested', 'hookgate.db');
    const first = await start({ HOOKGATE_DB: db, HOOKGATE_ADMIN_TOKEN: '' });
    children.push(first.child);
    const token = readFileSync(join(dir, 'nested', 'admin-token'), 'utf8').trim();
    expect(statSync(join(dir, 'nested', 'admin-token')).mode & 0o777).toBe(0o600);
    // The database holds webhook secrets: the owner's only, as the directory made for it.
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(first.output()).toContain(token);
    const authorized = await fetch(`${first.url}/api/webhooks`, { headers: { authorization: `Bearer ${token}` } });
    expect(authorized.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);

    const second = await start({ HOOKGATE_DB: db, HOOKGATE_ADMIN_TOKEN: '' });
    children.push(second.child);
    expect(second.output()).not.toContain(token);
    expect(second.output()).toContain('using the admin token kept in');
    expect((await fetch(`${second.url}/api/webhooks`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('on SIGTERM finishes the request in flight, then closes the database and exits 0', async () => {
    const dir = dataDir();
    const token = 'a-test-admin-token-of-enough-length';
    const gw = await start({ HOOKGATE_DB: join(dir, 'h.db'), HOOKGATE_ADMIN_TOKEN: token });
    children.push(gw.child);
    const created = await fetch(`${gw.url}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'slow',
        mapping: { kind: 'static', event: { event: 'e', resource: { 'prefect.resource.id': 'r' } } },
      }),
    });
    const { url } = (await created.json()) as { url: string };
    // A body that arrives slowly: the request is in flight when SIGTERM comes.
    let push: (text: string | null) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => (text === null ? controller.close() : controller.enqueue(new TextEncoder().encode(text)));
      },
    });
    const inFlight = fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit);
    push('part one,');
    await new Promise((r) => setTimeout(r, 200));
    gw.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    push(' part two');
    push(null);
    expect((await inFlight).status).toBe(204);
    expect(await exited(gw.child)).toBe(0);
    expect(gw.output()).toContain('SIGTERM received');
  });

  it('refuses bad settings with a clear message', async () => {
    const run = await runGatewayToExit(entry, { PORT: 'eighty', HOOKGATE_DB: join(dataDir(), 'x.db') });
    expect(run.code).toBe(2);
    expect(run.output).toContain('PORT');
  });
});
