/**
 * Workers entry (thin): the same `createApp` over D1, with the eval-free template interpreter,
 * built once per isolate; forwarding drains the outbox after each ingest (`waitUntil`, after the
 * response) and on the cron trigger (wrangler.toml `[triggers]`).
 */
import './adapter/workers/jitless';
import { adminToken, maxBodyBytes, type WorkerEnv } from './adapter/workers/config';
import { createWorkersForwarding, type WorkersForwarding } from './adapter/workers/forwarding';
import { refuseWithoutAdminToken } from './adapter/workers/guard';
import { createApp } from './app';
import { DEFAULT_RENDER_LIMITS } from './core/template/budget';
import { interpretTemplate } from './core/template/interpreter';
import type { Logger } from './deps';
import { createD1Store } from './store/d1';

const log: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', msg: message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', msg: message, ...fields })),
};

interface Built {
  env: WorkerEnv;
  forwarding: WorkersForwarding;
  fetch: (request: Request) => Promise<Response>;
}

/** The part of Workers' `ExecutionContext` this entry uses. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

let current: Built | undefined;

function build(env: WorkerEnv): Built {
  const token = adminToken(env);
  const store = createD1Store(env.DB);
  const forwarding = createWorkersForwarding(store, env, (message, error) => log.warn(message, { error: String(error) }));
  const app = createApp({
    store,
    // Without a configured token the API is refused before it is reached (see guard.ts).
    adminToken: token ?? crypto.randomUUID(),
    publicUrl: env.HOOKGATE_PUBLIC_URL || undefined,
    maxBodyBytes: maxBodyBytes(env),
    renderLimits: DEFAULT_RENDER_LIMITS,
    compileTemplate: interpretTemplate,
    now: Date.now,
    log,
    forwarding,
  });
  return {
    env,
    forwarding,
    fetch: async (request: Request) => refuseWithoutAdminToken(request, token) ?? (await app.fetch(request)),
  };
}

function built(env: WorkerEnv): Built {
  if (current?.env !== env) current = build(env);
  return current;
}

/** Requests that may have stored events: after their response, the outbox is drained. */
function mayIngest(request: Request, response: Response): boolean {
  if (request.method !== 'POST' || !response.ok) return false;
  const path = new URL(request.url).pathname;
  return path.startsWith('/hooks/') || path === '/api/events' || /^\/api\/sinks\/[^/]+\/(replay|dead-letters\/retry)$/.test(path);
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: Context): Promise<Response> {
    const gateway = built(env);
    await gateway.forwarding.ready.catch(() => undefined);
    const response = await gateway.fetch(request);
    if (mayIngest(request, response)) ctx.waitUntil(gateway.forwarding.drain());
    return response;
  },
  async scheduled(_controller: unknown, env: WorkerEnv, ctx: Context): Promise<void> {
    ctx.waitUntil(built(env).forwarding.drain());
  },
};
