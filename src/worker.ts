/**
 * Workers entry (thin): the same `createApp` over D1, with the eval-free template interpreter
 * Built once per isolate.
 */
import './adapter/workers/jitless';
import { fetchCertificateOverHttps } from './adapter/certificate-fetch';
import { adminToken, maxBodyBytes, type WorkerEnv } from './adapter/workers/config';
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
    log,
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
};
