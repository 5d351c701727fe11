/**
 * A throwaway PostgreSQL server for tests and the bench: Debian's binaries (installed when
 * missing, scripts/install-postgres.sh), `initdb` into a temporary directory as an unprivileged
 * user (initdb refuses root: as root, the `postgres` user runs it), on a free port on 127.0.0.1
 * with its unix socket in that directory. No Docker. `stop()`/`start()` restart it in place (the
 * fault tests); `destroy()` stops it and removes the directory.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INSTALL = new URL('../../scripts/install-postgres.sh', import.meta.url).pathname;

export interface ThrowawayPostgres {
  /** `postgres://hookgate@127.0.0.1:<port>/postgres`: a superuser, trusted on 127.0.0.1 only. */
  url: string;
  port: number;
  /** The server's main process (its backends are its children), while it runs. */
  pid(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ThrowawayOptions {
  /** Flush to disk on commit (default false: a test server need not survive a power cut; the bench turns it on). */
  fsync?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as an unprivileged user: `postgres` when we are root, else ourselves. */
function asServerUser(bin: string, args: string[]): Promise<unknown> {
  const root = process.getuid?.() === 0;
  return root ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = execFileSync('bash', [INSTALL], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  await asServerUser(`${bin}/initdb`, [
    '-D',
    data,
    '-U',
    'hookgate',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-h 127.0.0.1',
    `-k ${dir}`,
    '-c max_connections=300',
    `-c fsync=${options.fsync ? 'on' : 'off'}`,
    `-c full_page_writes=${options.fsync ? 'on' : 'off'}`,
  ].join(' ');
  const start = () =>
    asServerUser(`${bin}/pg_ctl`, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', settings, 'start']);
  const stop = () => asServerUser(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  await start();
  let running = true;
  return {
    url: `postgres://hookgate@127.0.0.1:${port}/postgres`,
    port,
    pid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
