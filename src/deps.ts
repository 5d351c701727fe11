/**
 * What `createApp(deps)` is given: the store, the clock, limits and the runtime's template
 * renderer and HMAC. Entries build real ones; tests build their own. No module-level singletons.
 */

import type { SinkSend } from './core/forward/deliver';
import type { ForwardMetrics } from './core/forward/metrics';
import { createHookMetrics, type HookMetrics } from './core/metrics';
import type { PipelineDeps } from './core/pipeline';
import { createRateLimiter } from './core/rate-limit';
import type { RenderLimits } from './core/template/budget';
import { createTemplateCache } from './core/template/cache';
import type { RenderFn } from './core/template/render-fn';
import type { HmacFn } from './core/verify/crypto';
import type { Store } from './store/types';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppDeps {
  store: Store;
  /** `Authorization: Bearer <adminToken>` opens `/api/*`. */
  adminToken: string;
  /** Base of webhook URLs (`HOOKGATE_PUBLIC_URL`); the request's origin when absent. */
  publicUrl?: string;
  /** A faster HMAC for verification than Web Crypto's, where the runtime has one (Node's node:crypto). */
  hmac?: HmacFn;
  /** Largest webhook body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
  renderLimits: RenderLimits;
  /** Compiles template text; the Node entry compiles, the Workers entry interprets. */
  compileTemplate: (source: string) => RenderFn;
  /** Wall clock in milliseconds since the epoch. */
  now: () => number;
  log: Logger;
  /** Forwarding to sinks, where the runtime runs it: its sender (SSRF guard included), a nudge for its drain loop, its counters. */
  forwarding?: Forwarding;
}

export interface Forwarding {
  send: SinkSend;
  /** Asks the drain loop to look at the outbox now (after a retry, a replay, an edit). */
  wake(): void;
  metrics?: ForwardMetrics;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** What routes get: the app's deps plus the pipeline's, built once per app (one template cache, one set of counters). */
export interface RouteDeps extends AppDeps {
  pipeline: PipelineDeps;
  metrics: HookMetrics;
}

export function createRouteDeps(deps: AppDeps): RouteDeps {
  const pipeline: PipelineDeps = {
    store: deps.store,
    maxBodyBytes: deps.maxBodyBytes,
    now: deps.now,
    renderLimits: deps.renderLimits,
    compile: createTemplateCache(deps.compileTemplate),
    publicUrl: deps.publicUrl,
    hmac: deps.hmac,
    rateLimiter: createRateLimiter(deps.now),
  };
  return { ...deps, pipeline, metrics: createHookMetrics() };
}
