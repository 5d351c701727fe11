/**
 * Store faults (issue 14), on the built gateway in a child process, both writer modes: the disk
 * fills up (a small tmpfs — needs root to mount; skipped otherwise, with the reason printed), another
 * process locks the database, the database file is moved away or deleted. Each time: 503 with
 * Retry-After (never a 2xx without the commit), /healthz keeps answering, and once the fault is gone
 * the gateway recovers without a restart; the sender's retries are stored exactly once.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, buildGateway, eventsOfWebhook, type GatewayProcess, spawnGateway } from '../helpers/gateway-process';
import { holdLock } from '../helpers/lock-holder';

const isRoot = process.getuid?.() === 0;
let entry = '';
const dirs: string[] = [];

beforeAll(() => {
  entry = buildGateway('store-faults');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Scene {
  gw: GatewayProcess;
  dbFile: string;
  webhook: { id: string; slug: string };
  /** Last answer per delivery id. */
  answers: Map<string, number>;
  deliver(ids: string[], padBytes?: number): Promise<Response[]>;
  health(): Promise<{ status: number; ms: number }>;
  /** Every delivery stored exactly once, every 2xx among them: the figures. */
  verify(label: string): Promise<Record<string, unknown>>;
}

async function scene(dir: string, writer: string, env: Record<string, string> = {}): Promise<Scene> {
  const dbFile = join(dir, 'hookgate.db');
  const gw = await spawnGateway({ entry, env: { HOOKGATE_DB: dbFile, HOOKGATE_SQLITE_WRITER: writer, ...env } });
  const created = await adminFetch(gw.url, '/api/webhooks', {
    method: 'POST',
    json: {
      name: 'faults',
      idFrom: 'header:x-delivery',
      mapping: {
        kind: 'template',
        template:
          '{"event": "faults.delivered", "resource": {"prefect.resource.id": "faults.{{header "x-delivery"}}"}, "payload": {"pad": "{{body.pad}}"}}',
      },
    },
  });
  expect(created.status).toBe(201);
  const webhook = (await created.json()) as { id: string; slug: string };
  const answers = new Map<string, number>();
  const counts: Record<string, number> = {};
  return {
    gw,
    dbFile,
    webhook,
    answers,
    async deliver(ids, padBytes = 100) {
      return Promise.all(
        ids.map(async (id) => {
          const response = await fetch(`${gw.url}/hooks/${webhook.slug}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-delivery': id },
            body: JSON.stringify({ pad: 'p'.repeat(padBytes) }),
          });
          await response.arrayBuffer();
          if (response.status === 503) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
          expect([204, 503]).toContain(response.status);
          counts[response.status] = (counts[response.status] ?? 0) + 1;
          // A 2xx is final; a later refusal of a retry does not undo it.
          if (answers.get(id) !== 204) answers.set(id, response.status);
          return response;
        }),
      );
    },
    async health() {
      const started = performance.now();
      const response = await fetch(`${gw.url}/healthz`);
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    },
    async verify(label) {
      const stored = new Map<string, number>();
      for (const e of await eventsOfWebhook(gw.url, webhook.id)) {
        const id = e.resource['prefect.resource.id'] ?? '';
        stored.set(id, (stored.get(id) ?? 0) + 1);
      }
      const acked = [...answers].filter(([, s]) => s === 204).map(([id]) => id);
      const figures = {
        requests: counts,
        deliveries: answers.size,
        acked: acked.length,
        stored: stored.size,
        lost: acked.filter((id) => !stored.has(`faults.${id}`)).length,
        duplicated: [...stored.values()].filter((n) => n > 1).length,
        peakRssMb: Math.round(gw.rssMb()),
      };
      console.log(`[store-faults] ${label}: ${JSON.stringify(figures)}`);
      expect(figures.lost).toBe(0);
      expect(figures.duplicated).toBe(0);
      return figures;
    },
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe.each(['inline', 'thread'])('store faults, %s writer', (writer) => {
  it('a database locked by another process: 503 + Retry-After past the bound, quick health, then recovery', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-faults-'));
    dirs.push(dir);
    const s = await scene(dir, writer, { HOOKGATE_LOCK_WAIT_MS: '1000' });
    try {
      await s.deliver(ids('before', 5));
      const lock = await holdLock(s.dbFile, 20_000);
      const early = s.deliver(ids('early', 10));
      const health = [];
      for (let i = 0; i < 8; i++) {
        health.push(await s.health());
        await new Promise((r) => setTimeout(r, 150));
      }
      const late = s.deliver(ids('late', 10));
      await new Promise((r) => setTimeout(r, 300));
      await lock.release();
      const statuses = [...(await early), ...(await late)].map((r) => r.status);
      console.log(`[store-faults] ${writer} locked: /healthz ${health.map((h) => `${h.status}:${h.ms.toFixed(0)}ms`).join(' ')}`);
      expect(health.every((h) => h.status === 200 && h.ms < 1000)).toBe(true);
      expect(statuses.slice(0, 10).every((st) => st === 503)).toBe(true);
      // Sent shortly before the release: they wait for it (204), or on a stalled machine pass the bound (503).
      expect(statuses.slice(10).filter((st) => st === 204).length).toBeGreaterThan(0);
      // Recovery without restart: the sender retries what was refused.
      await s.deliver([...s.answers].filter(([, st]) => st !== 204).map(([id]) => id));
      await s.deliver(ids('after', 5));
      const figures = await s.verify(`${writer} locked`);
      expect(figures.acked).toBe(figures.deliveries);
    } finally {
      await s.gw.kill();
    }
  });

  it('the database file moved away, then back; then deleted: 503, health says so, never a 2xx', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-faults-'));
    dirs.push(dir);
    const s = await scene(dir, writer);
    try {
      await s.deliver(ids('before', 5));
      renameSync(s.dbFile, `${s.dbFile}.moved`);
      const moved = await s.deliver(ids('moved', 5));
      expect(moved.every((r) => r.status === 503)).toBe(true);
      expect((await s.health()).status).toBe(503);
      renameSync(`${s.dbFile}.moved`, s.dbFile);
      expect((await s.health()).status).toBe(200);
      await s.deliver(ids('moved', 5));
      const figures = await s.verify(`${writer} moved and back`);
      expect(figures.acked).toBe(figures.deliveries);

      for (const suffix of ['', '-wal', '-shm']) rmSync(`${s.dbFile}${suffix}`, { force: true });
      const deleted = await s.deliver(ids('deleted', 5));
      const health = await s.health();
      console.log(
        `[store-faults] ${writer} deleted: ${deleted.map((r) => r.status).join(' ')}; /healthz ${health.status} in ${health.ms.toFixed(0)} ms`,
      );
      expect(deleted.every((r) => r.status === 503)).toBe(true);
      expect(health.status).toBe(503);
    } finally {
      await s.gw.kill();
    }
  });

  it.skipIf(!isRoot)(
    'the disk fills up (tmpfs): 503 + Retry-After, health answers, recovery once space is freed',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hookgate-faults-'));
      dirs.push(dir);
      const mountPoint = join(dir, 'small-disk');
      mkdirSync(mountPoint);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
      } catch (error) {
        console.log(`[store-faults] disk full not run: cannot mount a tmpfs (${(error as Error).message.split('\n')[0]})`);
        return;
      }
      const s = await scene(mountPoint, writer);
      try {
        await s.deliver(ids('before', 5));
        const filler = join(mountPoint, 'filler');
        const fd = openSync(filler, 'w');
        const chunk = Buffer.alloc(64 * 1024, 1);
        try {
          for (let i = 0; i < 1000; i++) writeSync(fd, chunk);
        } catch {
          // ENOSPC: the disk is full.
        } finally {
          closeSync(fd);
        }
        const full = await s.deliver(ids('full', 20), 20_000);
        const health = await s.health();
        const refused = full.filter((r) => r.status === 503).length;
        console.log(
          `[store-faults] ${writer} disk full: ${refused}/20 refused with 503; /healthz ${health.status} in ${health.ms.toFixed(0)} ms`,
        );
        expect(refused).toBeGreaterThan(0);
        expect(health.ms).toBeLessThan(1000);
        rmSync(filler);
        await s.deliver(
          [...s.answers].filter(([, st]) => st !== 204).map(([id]) => id),
          20_000,
        );
        await s.deliver(ids('after', 5));
        const figures = await s.verify(`${writer} disk full`);
        expect(figures.acked).toBe(figures.deliveries);
      } finally {
        await s.gw.kill();
        execFileSync('umount', ['-l', mountPoint]);
      }
    },
  );
});

if (!isRoot) {
  console.log('[store-faults] the disk-full test needs root (to mount a small tmpfs): skipped on this machine');
}
