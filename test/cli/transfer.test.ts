/**
 * `hookgate events export | import` and `hookgate backup` against real gateways: an export imported
 * into a new store gives the same events (and importing again adds nothing); a backup taken while
 * events are being written is a consistent store, and one taken at rest is identical to the source.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import { hookgate } from '../helpers/cli';
import { type ServedApp, serveTestApp } from '../helpers/hooks';

const event = (n: number) => ({
  id: crypto.randomUUID(),
  occurred: new Date(Date.parse('2026-03-01T00:00:00Z') + n * 60_000).toISOString(),
  event: `export.test.${n % 3}`,
  resource: { 'prefect.resource.id': `thing.${n}`, label: `ü "quoted" ${n}` },
  related: [{ 'prefect.resource.id': 'owner.1', 'prefect.resource.role': 'owner' }],
  payload: { n, nested: { list: [n, 'two', null] } },
  follows: null,
});

const withoutReceived = (line: string) => {
  const { received: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return JSON.stringify(rest);
};

describe('export, import and backup', { timeout: 120_000 }, () => {
  let source: ServedApp;
  let target: ServedApp;
  let dir: string;
  const cli = (gateway: ServedApp, args: string[]) => hookgate(['--url', gateway.base, '--token', TEST_TOKEN, ...args]);
  const emit = async (events: unknown[]) => {
    const response = await source.api('/api/events', { method: 'POST', json: events });
    expect(response.status).toBe(204);
  };
  beforeAll(async () => {
    source = await serveTestApp();
    target = await serveTestApp();
    dir = mkdtempSync(join(tmpdir(), 'hookgate-transfer-'));
  });
  afterAll(async () => {
    await source.stop();
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports every event through the pages, and imports them identically and idempotently', async () => {
    for (let i = 0; i < 450; i += 150) await emit(Array.from({ length: 150 }, (_, k) => event(i + k)));
    const exported = await cli(source, ['events', 'export']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('exported 450 of 450 events');
    const lines = exported.stdout.trim().split('\n');
    expect(lines).toHaveLength(450);
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, exported.stdout);

    const imported = await cli(target, ['events', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('sent 450 events');
    const again = await cli(target, ['events', 'import', file]);
    expect(again.code, again.stderr).toBe(0);
    const back = await cli(target, ['events', 'export']);
    expect(back.stdout.trim().split('\n').map(withoutReceived)).toEqual(lines.map(withoutReceived));

    const filtered = await cli(source, ['events', 'export', '--event', 'export.test.1']);
    expect(filtered.stdout.trim().split('\n')).toHaveLength(150);
  });

  it('backs up while events are written (a consistent copy), and at rest to an identical store', async () => {
    let writing = true;
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (let round = 0; writing && round < 2000; round++) {
        const batch = [event(round), event(round + 1)];
        await emit(batch);
        acknowledged.push(...batch.map((e) => e.id));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const live = join(dir, 'live.db');
    const during = await hookgate(['backup', live, '--db', source.dbFile]);
    writing = false;
    await writer;
    expect(during.code, during.stderr).toBe(0);
    const copy = new Database(live, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = new Set((copy.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id));
    const orphans = copy
      .prepare('SELECT count(*) AS n FROM event_resources WHERE event_seq NOT IN (SELECT seq FROM events)')
      .get();
    copy.close();
    expect(orphans).toEqual({ n: 0 });
    // A prefix of the acknowledged writes: nothing after a missing one is in the copy.
    const firstMissing = acknowledged.findIndex((id) => !copied.has(id));
    if (firstMissing >= 0) expect(acknowledged.slice(firstMissing).some((id) => copied.has(id))).toBe(false);

    const rest = join(dir, 'rest.db');
    expect((await hookgate(['backup', rest, '--db', source.dbFile])).code).toBe(0);
    const tables = ['events', 'event_resources', 'event_day_counts', 'webhooks', 'api_keys'];
    const dump = (file: string) => {
      const db = new Database(file, { readonly: true });
      const rows = tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
      db.close();
      return rows;
    };
    expect(dump(rest)).toEqual(dump(source.dbFile));
    expect((await hookgate(['backup', rest, '--db', source.dbFile])).stderr).toContain('exists');
    expect(readFileSync(rest).length).toBeGreaterThan(0);
  });
});
