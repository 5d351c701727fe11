/**
 * What `createApp(deps)` is given: the store, the clock, limits and the runtime's template
 * renderer and HMAC. Entries build real ones; tests build their own. No module-level singletons.
 */

import type { Context } from 'hono';
import { createFailureLimiter, type FailureLimiter } from './core/auth-failures';
import { createDeliveryLog, type DeliveryLog } from './core/deliveries/log';
import type { SinkSend } from './core/forward/deliver';
import type { ForwardMetrics } from './core/forward/metrics';
import { createHookMetrics, type HookMetrics } from './core/metrics';
import { createOpsMetrics, instrumentWrites, type OpsMetrics } from './core/ops-metrics';
import type { PipelineDeps } from './core/pipeline';
import { createRateLimiter } from './core/rate-limit';
import type { RenderLimits } from './core/template/budget';
import { createTemplateCache } from './core/template/cache';
import type { RenderFn } from './core/template/render-fn';
import { createCertificateSource, type FetchCertificate } from './core/verify/certificates';
import { createWebCryptoHmac, type HmacFn } from './core/verify/crypto';
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
  /**
   * Fetches signing certificates for certificate-based schemes (Amazon SNS), only ever for URLs the
   * scheme allows. The entries pass a real https fetch; tests a local one. Without it, SNS fails closed.
   */
  fetchCertificate?: FetchCertificate;
  /** Largest webhook body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
  renderLimits: RenderLimits;
  /** Compiles template text; the Node entry compiles, the Workers entry interprets. */
  compileTemplate: (source: string) => RenderFn;
  /** Wall clock in milliseconds since the epoch. */
  now: () => number;
  log: Logger;
  /** `/metrics` without a key (`HOOKGATE_METRICS_PUBLIC=true`); otherwise it needs a `read` key. */
  metricsPublic?: boolean;
  /**
   * The client's address, as the runtime knows it (Node: the socket's; Workers: `CF-Connecting-IP`),
   * for the failure limiter on admin tokens and sign-ins and the delivery log. Unknown (undefined)
   * is not limited.
   */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * True where `app.fetch` is given the runtime's ExecutionContext (Workers): work after the
   * response (the delivery log's write, a key's last use) goes to its `waitUntil`.
   */
  executionContext?: boolean;
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
  /** Every request to a webhook URL and its outcome, written off the hot path. */
  deliveries: DeliveryLog;
  /** Wrong admin tokens and sign-ins per client address (429 after a burst). */
  authFailures: FailureLimiter;
  addressOf: (c: Context) => string | undefined;
  /** Histograms and gauges for operators (issue 17). */
  ops: OpsMetrics;
}

export function createRouteDeps(appDeps: AppDeps): RouteDeps {
  const ops = createOpsMetrics();
  const deps = { ...appDeps, store: instrumentWrites(appDeps.store, ops) };
  const pipeline: PipelineDeps = {
    store: deps.store,
    maxBodyBytes: deps.maxBodyBytes,
    now: deps.now,
    renderLimits: deps.renderLimits,
    compile: createTemplateCache(deps.compileTemplate),
    publicUrl: deps.publicUrl,
    hmac: deps.hmac ?? createWebCryptoHmac(),
    rateLimiter: createRateLimiter(deps.now),
    certificates: deps.fetchCertificate ? createCertificateSource(deps.fetchCertificate) : undefined,
    saveWebhook: (webhook) => deps.store.updateWebhook(webhook),
  };
  const metrics = createHookMetrics();
  const deliveries = createDeliveryLog({
    store: deps.store,
    now: deps.now,
    onDrop: (count, reason) => {
      metrics.deliveryRecordsDropped(count);
      deps.log.warn('delivery log records dropped', { count, reason });
    },
  });
  return {
    ...deps,
    pipeline,
    metrics,
    deliveries,
    ops,
    authFailures: createFailureLimiter(deps.now),
    addressOf: deps.clientAddress ?? (() => undefined),
  };
}
