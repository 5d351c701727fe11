/**
 * Workers entry (thin): the same `createApp` over D1, with the eval-free template interpreter;
 * built once per isolate.
 */
import './adapter/workers/jitless';
import { fetchCertificateOverHttps } from './adapter/certificate-fetch';
import { adminToken, maxBodyBytes, type WorkerEnv } from './adapter/workers/config';
import { refuseWithoutAdminToken } from './adapter/workers/guard';
import { workersLogger } from './adapter/workers/logger';
import { runRetention } from './adapter/workers/retention';
import { createApp } from './app';
import { DEFAULT_RENDER_LIMITS } from './core/template/budget';
import { interpretTemplate } from './core/template/interpreter';
import { createD1Store } from './store/d1';

let current: { env: WorkerEnv; fetch: (request: Request) => Promise<Response> } | undefined;

function build(env: WorkerEnv) {
  const token = adminToken(env);
  const app = createApp({
    store: createD1Store(env.DB),
    // Without a configured token the API is refused before it is reached (see guard.ts).
    adminToken: token ?? crypto.randomUUID(),
    publicUrl: env.HOOKGATE_PUBLIC_URL || undefined,
    maxBodyBytes: maxBodyBytes(env),
    renderLimits: DEFAULT_RENDER_LIMITS,
    compileTemplate: interpretTemplate,
    fetchCertificate: fetchCertificateOverHttps,
    now: Date.now,
    log: workersLogger,
    // Cloudflare sets it on every request from the internet; absent (tests, dev), nothing is limited.
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    metricsPublic: env.HOOKGATE_METRICS_PUBLIC === 'true',
  });
  return {
    env,
    fetch: async (request: Request) => refuseWithoutAdminToken(request, token) ?? (await app.fetch(request)),
  };
}

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> {
    if (current?.env !== env) current = build(env);
    return current.fetch(request);
  },
  /** Cron triggers (wrangler.toml): retention, in bounded steps. */
  scheduled(_controller: unknown, env: WorkerEnv, ctx: { waitUntil(promise: Promise<unknown>): void }): void {
    ctx.waitUntil(runRetention(env));
  },
};
