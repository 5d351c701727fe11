/**
 * The `hookgate` command as a user runs it: a child process (bin/hookgate.js) against a real
 * gateway on a random port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import { BIN, hookgate, type Run } from '../helpers/cli';
import { type ServedApp, serveTestApp } from '../helpers/hooks';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const PUSH = join(FIXTURES, 'github/push/default.json');

describe('hookgate CLI', { timeout: 120_000 }, () => {
  let gateway: ServedApp;
  let dir: string;
  let api: (args: string[]) => Promise<Run>;
  beforeAll(async () => {
    gateway = await serveTestApp();
    dir = mkdtempSync(join(tmpdir(), 'hookgate-cli-'));
    api = (args) => hookgate(['--url', gateway.base, '--token', TEST_TOKEN, ...args]);
  });
  afterAll(async () => {
    await gateway.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks a webhook through its life: create, send, events ls, rotate, toggle, delete', async () => {
    const secret = 'cli-github-secret-0123456789';
    const created = await api(['--json', 'webhooks', 'create', 'github', '--preset', 'github', '--secret', secret]);
    expect(created.code, created.stderr).toBe(0);
    const webhook = JSON.parse(created.stdout) as { id: string; url: string; verify: { secretHints: string[] } };
    expect(created.stdout).not.toContain(secret);

    const human = await api(['webhooks', 'ls']);
    expect(human.stdout).toMatch(/ID\s+NAME\s+ENABLED/);
    expect(human.stdout).toContain('preset github');

    const send = (url: string, extra: string[] = []) =>
      hookgate(['send', url, '--body', PUSH, '--header', 'x-github-event:push', '--header', 'x-github-delivery:cli-1', ...extra]);
    const unsigned = await send(webhook.url);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('401');
    const signed = await send(webhook.url, ['--sign', 'github', '--secret', secret]);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toContain('204');

    const listed = await api([
      '--json',
      'events',
      'ls',
      '--event',
      'github.push',
      '--related',
      `hookgate.webhook.${webhook.id}`,
      '--since',
      '2000-01-01',
    ]);
    const page = JSON.parse(listed.stdout) as { events: { id: string; event: string }[] };
    expect(page.events.map((e) => e.event)).toEqual(['github.push']);
    const got = await api(['events', 'get', page.events[0]?.id ?? '']);
    expect(JSON.parse(got.stdout).event).toBe('github.push');

    const rotated = await api(['--json', 'webhooks', 'rotate', webhook.id.slice(0, 8), '--yes']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newUrl = (JSON.parse(rotated.stdout) as { url: string }).url;
    expect(newUrl).not.toBe(webhook.url);
    const old = await send(webhook.url, ['--sign', 'github', '--secret', secret]);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('404');

    const toggled = await api(['webhooks', 'toggle', 'github']);
    expect(toggled.stdout).toContain('now disabled');
    expect((await send(newUrl, ['--sign', 'github', '--secret', secret])).stderr).toContain('404');
    expect((await api(['webhooks', 'toggle', 'github'])).stdout).toContain('now enabled');

    const refused = await api(['webhooks', 'delete', webhook.id]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('pass --yes');
    const deleted = await api(['webhooks', 'delete', webhook.id, '--yes']);
    expect(deleted.code, deleted.stderr).toBe(0);
    const gone = await api(['webhooks', 'get', webhook.id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^hookgate: .*not found/);
  });

  it('renders offline the same events the live endpoint stores', async () => {
    const rendered = await hookgate([
      '--json',
      'render',
      '--preset',
      'github',
      '--body',
      PUSH,
      '--header',
      'x-github-event:push',
      '--header',
      'x-github-delivery:same-1',
    ]);
    expect(rendered.code, rendered.stderr).toBe(0);
    const offline = JSON.parse(rendered.stdout) as Record<string, unknown>[];

    const created = await api(['--json', 'webhooks', 'create', 'live', '--preset', 'github', '--verify', 'none']);
    const webhook = JSON.parse(created.stdout) as { id: string; url: string };
    const sent = await hookgate([
      'send',
      webhook.url,
      '--body',
      PUSH,
      '--header',
      'x-github-event:push',
      '--header',
      'x-github-delivery:same-1',
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    const listed = await api(['--json', 'events', 'ls', '--related', `hookgate.webhook.${webhook.id}`, '--since', '2000-01-01']);
    const live = (JSON.parse(listed.stdout) as { events: Record<string, unknown>[] }).events;

    // The webhook's own id differs (its related resource and the delivery-based event id), and so does
    // `occurred`: GitHub sends no event time, so it is each run's time of receipt. All else is equal.
    const comparable = (event: Record<string, unknown>) => {
      const { id: _id, received: _received, occurred: _occurred, related, ...rest } = event;
      return { ...rest, related: (related as Record<string, string>[]).filter((r) => r['prefect.resource.role'] !== 'webhook') };
    };
    expect(live.map(comparable)).toEqual(offline.map(comparable));
  });

  it('refuses a request file no sender could make, naming the field', async () => {
    const request = join(dir, 'bad-request.json');
    writeFileSync(request, JSON.stringify({ method: 'POST', headers: { 'bad name': 'x' }, body: {} }));
    const run = await hookgate(['render', '--preset', 'github', '--request', request]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hookgate: the request is not one a sender could make: headers\["bad name"\]/);
  });

  it('shows a template error with its line and column, offline', async () => {
    const template = join(dir, 'broken.hbs');
    writeFileSync(template, '{\n  "event": "{{body.ref"\n}');
    const run = await hookgate(['render', '--template', template, '--body', PUSH]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hookgate: template-syntax-error: line 2, column \d+: /);
  });

  it.each([
    [['webhooks', 'create', 'x'], /say how requests map to events/],
    [['webhooks', 'create', 'x', '--template', 'a.hbs', '--cloudevents'], /choose one of/],
    [['events', 'ls', '--limit', 'lots'], /--limit wants a whole number/],
    [['events', 'ls', '--since', 'yesterday-ish'], /--since wants a duration/],
    [['render', '--preset', 'github'], /give the request/],
    [['nonsense'], /unknown command/],
    [['webhooks', 'create'], /missing required argument/],
  ])('refuses bad input %j with a non-zero exit and one clear line', async (args, message) => {
    const run = await api(args as string[]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });

  it('says plainly when the gateway cannot be reached', async () => {
    const run = await hookgate(['--url', 'http://127.0.0.1:9', '--token', TEST_TOKEN, 'webhooks', 'ls']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('hookgate: cannot reach the gateway at http://127.0.0.1:9 — is `npm start` running?');
  });

  it('falls back to HOOKGATE_URL and HOOKGATE_ADMIN_TOKEN from the environment', async () => {
    const run = await hookgate(['--json', 'webhooks', 'ls'], { HOOKGATE_URL: gateway.base, HOOKGATE_ADMIN_TOKEN: TEST_TOKEN });
    expect(run.code, run.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });

  it('follows new events with events tail, until interrupted', async () => {
    const created = await api(['--json', 'webhooks', 'create', 'tailed', '--preset', 'github', '--verify', 'none']);
    const webhook = JSON.parse(created.stdout) as { url: string };
    const tail = spawn(
      process.execPath,
      [BIN, '--url', gateway.base, '--token', TEST_TOKEN, 'events', 'tail', '--event', 'github.', '--interval', '0.2'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    tail.stdout.on('data', (chunk) => {
      output += chunk;
    });
    try {
      // The push is dated 2019 (its own timestamp): tail follows arrival, so it shows all the same.
      await new Promise((r) => setTimeout(r, 2000)); // the first look shows nothing old
      const sent = await hookgate([
        'send',
        webhook.url,
        '--body',
        PUSH,
        '--header',
        'x-github-event:push',
        '--header',
        'x-github-delivery:tail-1',
      ]);
      expect(sent.code, sent.stderr).toBe(0);
      const deadline = Date.now() + 10_000;
      while (!output.includes('github.push') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(output).toMatch(/github\.push {2}github\.repository\.Codertocat\/Hello-World/);
      expect(output.match(/github\.push/g)).toHaveLength(1);
    } finally {
      tail.kill('SIGINT');
    }
  });

  it('serves the gateway with hookgate serve --port --db, as npm start does', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const serve = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--db', join(dir, 'served', 'h.db')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOOKGATE_ADMIN_TOKEN: 'served-admin-token-0123456789' },
    });
    try {
      const deadline = Date.now() + 20_000;
      let health: Response | undefined;
      while (Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (health) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status).toBe(200);
    } finally {
      serve.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => serve.once('exit', resolve))).toBe(0);
  });

  it('has --help with an example on every command', async () => {
    for (const command of [
      [],
      ['serve'],
      ['webhooks'],
      ['webhooks', 'create'],
      ['webhooks', 'ls'],
      ['webhooks', 'get'],
      ['webhooks', 'update'],
      ['webhooks', 'toggle'],
      ['webhooks', 'rotate'],
      ['webhooks', 'delete'],
      ['webhooks', 'test'],
      ['render'],
      ['send'],
      ['events'],
      ['events', 'ls'],
      ['events', 'get'],
      ['events', 'tail'],
      ['presets'],
    ]) {
      const run = await hookgate([...command, '--help']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout, command.join(' ')).toMatch(/Examples?:\n {2}hookgate /);
    }
  });
});
