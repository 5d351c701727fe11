/**
 * The built gateway as a user runs it (`npm start` builds dist/ and runs it): a child process on a
 * free port, started with the environment variables a test gives — so the same suite runs on any
 * store the gateway is configured for. Each suite builds into its own folder (.test-dist/<name>),
 * so suites running side by side never read a half-written bundle.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const GATEWAY_TOKEN = 'process-suite-admin-token-0123456789';

/** Builds the gateway into .test-dist/<name>; returns the entry to run. */
export function buildGateway(name: string): string {
  const outdir = `.test-dist/${name}`;
  execFileSync(process.execPath, ['scripts/build.mjs', outdir], { cwd: ROOT });
  return `${ROOT}${outdir}/node.mjs`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves once the process has exited (with its code, or null after a signal). */
  exited: Promise<number | null>;
  /** Resident memory in MB now (Linux /proc), 0 once exited. */
  rssMb(): number;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A start function: the gateway with these env vars (the store's settings among them). */
export type StartGateway = (extraEnv?: Record<string, string>) => Promise<GatewayProcess>;

export interface SpawnOptions {
  entry: string;
  env: Record<string, string>;
  /** Resolve as soon as the process is spawned, without waiting for "listening" (to kill it during start-up). */
  waitUntilListening?: boolean;
  startTimeoutMs?: number;
}

export async function spawnGateway({
  entry,
  env,
  waitUntilListening = true,
  startTimeoutMs = 20_000,
}: SpawnOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOOKGATE_ADMIN_TOKEN: GATEWAY_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: GatewayProcess = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    rssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (!waitUntilListening) return handle;
  const deadline = Date.now() + startTimeoutMs;
  while (!output.includes('listening on')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await handle.kill();
      throw new Error(`the gateway did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return handle;
}

/** `fetch` on the admin API of a gateway. */
export function adminFetch(base: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${GATEWAY_TOKEN}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return fetch(`${base}${path}`, { ...init, headers, body });
}

/** Every event related to `webhookId`, through the events API (any store), page by page. */
export async function eventsOfWebhook(
  base: string,
  webhookId: string,
): Promise<{ id: string; resource: Record<string, string> }[]> {
  const events: { id: string; resource: Record<string, string> }[] = [];
  let response = await adminFetch(base, '/api/events/filter', {
    method: 'POST',
    json: {
      filter: { related: { id: [`hookgate.webhook.${webhookId}`] }, occurred: { since: '2000-01-01T00:00:00Z' } },
      limit: 200,
    },
  });
  for (let page = 0; page < 10_000; page++) {
    if (response.status !== 200) throw new Error(`events filter answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as {
      events: { id: string; resource: Record<string, string> }[];
      next_page: string | null;
    };
    events.push(...body.events);
    if (!body.next_page) return events;
    const next = new URL(body.next_page);
    response = await adminFetch(base, `${next.pathname}${next.search}`);
  }
  throw new Error('too many pages');
}

/** Runs the gateway until it exits (it should fail at start): its exit code and output. */
export async function runGatewayToExit(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const gateway = await spawnGateway({ entry, env, waitUntilListening: false });
  const timer = setTimeout(() => gateway.kill(), 20_000);
  const code = await gateway.exited;
  clearTimeout(timer);
  return { code, output: gateway.output() };
}
