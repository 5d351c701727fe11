/**
 * `hookgate sinks …` as a user runs it (bin/hookgate.js in a child process) against a served
 * gateway with forwarding on, a fake Prefect and a local receiver.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeForwarding, startForwarding, wakingStore } from '../../src/adapter/node/forwarding';
import { silentLogger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { recentEvents } from '../forward/harness';
import { type Receiver, startReceiver } from '../forward/receiver';
import { TEST_TOKEN } from '../helpers/app';
import { type FakePrefect, startFakePrefect } from '../helpers/fake-prefect';
import { type ServedApp, serveTestApp } from '../helpers/hooks';

const BIN = fileURLToPath(new URL('../../bin/hookgate.js', import.meta.url));

function hookgate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, HOOKGATE_ADMIN_TOKEN: '', HOOKGATE_URL: '' }, cwd: tmpdir() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('hookgate sinks', { timeout: 120_000 }, () => {
  let gateway: ServedApp;
  let forwarding: NodeForwarding;
  let prefect: FakePrefect;
  let receiver: Receiver;
  const cli = (args: string[]) => hookgate(['--url', gateway.base, '--token', TEST_TOKEN, ...args]);

  beforeAll(async () => {
    const store = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
    forwarding = startForwarding(store, { allowPrivate: true, timeoutMs: 2000, leaseMs: 60_000, log: silentLogger });
    gateway = await serveTestApp({ store: wakingStore(store, forwarding.wake), forwarding });
    prefect = await startFakePrefect({ apiKey: 'pnu_cli_key_0123456789' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await forwarding.stop();
    await gateway.stop();
    await prefect.close();
    await receiver.close();
  });

  it('creates, lists, gets, updates, tests, replays and deletes a sink', async () => {
    const created = await cli([
      '--json',
      'sinks',
      'create',
      'cloud',
      '--kind',
      'prefect',
      '--endpoint',
      prefect.url,
      '--api-key',
      'pnu_cli_key_0123456789',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).not.toContain('pnu_cli_key');
    const sink = JSON.parse(created.stdout) as { id: string };

    await fetch(`${gateway.base}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(recentEvents(2)),
    });
    for (let i = 0; i < 100 && prefect.events.size < 2; i++) await new Promise((r) => setTimeout(r, 30));
    expect(prefect.events.size).toBe(2);

    const ls = await cli(['sinks', 'ls']);
    expect(ls.stdout).toMatch(/ID\s+NAME\s+KIND\s+STATE/);
    expect(ls.stdout).toContain('cloud');
    const get = await cli(['sinks', 'get', 'cloud']);
    expect(get.stdout).toContain(`target:   prefect ${prefect.url}`);
    expect(get.stdout).toMatch(/ok: 2 delivered, 0 pending/);

    const test = await cli(['sinks', 'test', sink.id.slice(0, 8)]);
    expect(test.code, test.stderr).toBe(0);
    expect(test.stdout).toContain('OK: 204');

    // The two events and the sink's own audit event (`hookgate.sink.created`, stored just before it).
    const replay = await cli(['sinks', 'replay', 'cloud', '--since', '2000-01-01T00:00:00Z']);
    expect(replay.stdout).toContain('3 events queued');

    const update = await cli(['sinks', 'update', 'cloud', '--disable']);
    expect(update.stdout).toContain('enabled:  no');
    const deleted = await cli(['sinks', 'delete', 'cloud', '--yes']);
    expect(deleted.code).toBe(0);
    expect((await cli(['sinks', 'get', 'cloud'])).stderr).toContain('sink cloud not found');
  });

  it('shows dead letters and retries them', async () => {
    await cli(['sinks', 'create', 'picky', '--kind', 'http', '--endpoint', receiver.url]);
    receiver.answer = () => 422;
    await fetch(`${gateway.base}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(recentEvents(1)),
    });
    let letters = '';
    for (let i = 0; i < 15 && !letters.includes('422'); i++) {
      letters = (await cli(['sinks', 'dead-letters', 'picky'])).stdout;
    }
    expect(letters).toMatch(/EVENT\s+STATUS\s+REASON/);
    receiver.answer = () => 204;
    expect((await cli(['sinks', 'retry', 'picky'])).stdout).toContain('1 dead letters queued again');
  });

  it('has --help with an example on every sinks command', async () => {
    for (const command of ['', 'create', 'ls', 'get', 'update', 'delete', 'dead-letters', 'retry', 'replay', 'test']) {
      const run = await hookgate(['sinks', ...(command ? [command] : []), '--help']);
      expect(run.stdout, command).toMatch(/Examples?:\n {2}hookgate /);
    }
  });
});
