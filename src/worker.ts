/**
 * Workers entry (thin): the same `createApp` over D1, with the eval-free template interpreter,
 * built once per isolate; forwarding drains the outbox after each ingest (`waitUntil`, after the
 * response) and on the cron triggers (wrangler.toml `[triggers]`), which also run retention.
 */
import './adapter/workers/jitless';
import type { ExecutionContext } from 'hono';
import { fetchCertificateOverHttps } from './adapter/certificate-fetch';
import { adminToken, maxBodyBytes, type WorkerEnv } from './adapter/workers/config';
import { createWorkersForwarding, type WorkersForwarding } from './adapter/workers/forwarding';
import { refuseWithoutAdminToken } from './adapter/workers/guard';
import { workersLogger } from './adapter/workers/logger';
import { runRetention } from './adapter/workers/retention';
import { createApp } from './app';
import { DEFAULT_RENDER_LIMITS } from './core/template/budget';
import { interpretTemplate } from './core/template/interpreter';
import { createD1Store } from './store/d1';

interface Built {
  env: WorkerEnv;
  forwarding: WorkersForwarding;
  fetch: (request: Request, ctx: Context) => Promise<Response>;
}

/** The part of Workers' `ExecutionContext` this entry uses. */
interface Context {
  waitUntil(promise: Promise<unknown>): void;
}

/** The cron trigger that runs retention (wrangler.toml); any other drains the outbox. */
const RETENTION_CRON = '*/10 * * * *';

let current: Built | undefined;

function build(env: WorkerEnv): Built {
  const token = adminToken(env);
  const store = createD1Store(env.DB);
  const forwarding = createWorkersForwarding(store, env, (message, error) =>
    workersLogger.warn(message, { error: String(error) }),
  );
  const app = createApp({
    store,
    // Without a configured token the API is refused before it is reached (see guard.ts).
    adminToken: token ?? crypto.randomUUID(),
    publicUrl: env.HOOKGATE_PUBLIC_URL || undefined,
    maxBodyBytes: maxBodyBytes(env),
    renderLimits: DEFAULT_RENDER_LIMITS,
    compileTemplate: interpretTemplate,
    fetchCertificate: fetchCertificateOverHttps,
    now: Date.now,
    log: workersLogger,
    forwarding,
    // Cloudflare sets it on every request from the internet; absent (tests, dev), nothing is limited.
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    metricsPublic: env.HOOKGATE_METRICS_PUBLIC === 'true',
    executionContext: true,
  });
  return {
    env,
    forwarding,
    fetch: async (request: Request, ctx: Context) =>
      // The ExecutionContext goes to the app, whose work after the response uses its `waitUntil`.
      refuseWithoutAdminToken(request, token) ?? (await app.fetch(request, env, ctx as ExecutionContext)),
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
    const response = await gateway.fetch(request, ctx);
    if (mayIngest(request, response)) ctx.waitUntil(gateway.forwarding.drain());
    return response;
  },
  /** Cron triggers (wrangler.toml): every minute forwarding's retries, every 10 minutes retention in bounded steps. */
  async scheduled(controller: { cron?: string }, env: WorkerEnv, ctx: Context): Promise<void> {
    if (controller.cron === RETENTION_CRON) ctx.waitUntil(runRetention(env));
    else ctx.waitUntil(built(env).forwarding.drain());
  },
};
