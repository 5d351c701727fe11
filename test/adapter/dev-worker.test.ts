/** `npm run dev:worker` as a user runs it: wrangler dev on localhost, local D1 migrated, a round trip. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const TOKEN = 'dev-worker-test-token-0123456789';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm run dev:worker', () => {
  const state = mkdtempSync(join(tmpdir(), 'hookgate-wrangler-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
  });

  it('serves /healthz and a webhook round trip on local workerd with D1', async () => {
    const port = await freePort();
    child = spawn('npm', ['run', 'dev:worker', '--', '--port', String(port), '--persist-to', state], {
      cwd: ROOT,
      env: { ...process.env, HOOKGATE_ADMIN_TOKEN: TOKEN, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const health = await fetch(`${base}/healthz`).catch(() => undefined);
      if (health?.status === 200) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`dev:worker did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/webhooks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'smoke',
        mapping: {
          kind: 'template',
          template: '{"event": "smoke.{{body.kind}}", "resource": {"prefect.resource.id": "smoke.test"}}',
        },
      }),
    });
    expect(created.status).toBe(201);
    const { url, id } = (await created.json()) as { url: string; id: string };
    expect(url).toMatch(new RegExp(`^http://(127\\.0\\.0\\.1|localhost):${port}/hooks/`));
    const delivered = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"kind": "tested"}',
    });
    expect(delivered.status).toBe(204);
    const found = await fetch(`${base}/api/events/filter`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ filter: { related: { id: [`hookgate.webhook.${id}`] } } }),
    });
    const { events } = (await found.json()) as { events: { event: string }[] };
    expect(events.map((e) => e.event)).toEqual(['smoke.tested']);
  }, 120_000);
});
