/**
 * Forwarding on Workers: the same outbox in D1, drained after each ingest (`waitUntil`, after the
 * response) and by a cron trigger (retries, backoff). An invocation drains a bounded amount: the
 * Free plan allows 50 subrequests per invocation, so a drain claims at most a few batches per sink
 * and the next invocation or cron continues.
 * @see https://developers.cloudflare.com/workers/platform/limits/
 */
import { ENV_SINK_NAME, prefectEnvTarget } from '../../core/forward/env-sink';
import { drainSinks, type ForwardDeps } from '../../core/forward/forwarder';
import { ensureEnvSink } from '../../core/sinks';
import type { Forwarding } from '../../deps';
import type { Store } from '../../store/types';
import type { WorkerEnv } from './config';
import { createFetchSinkSend } from './sink-send';

/** Claims per sink per invocation: with batches of 100 events, well under 50 subrequests. */
export const WORKERS_CLAIMS_PER_SINK = 5;
export const WORKERS_LEASE_MS = 60_000;
export const WORKERS_TIMEOUT_MS = 10_000;

export interface WorkersForwarding extends Forwarding {
  /** Resolves once the env sink (PREFECT_API_URL) exists: before the first ingest of an isolate. */
  ready: Promise<void>;
  drain(): Promise<void>;
}

export function createWorkersForwarding(
  store: Store,
  env: WorkerEnv,
  log: (message: string, error: unknown) => void,
): WorkersForwarding {
  const send = createFetchSinkSend({ allowPrivate: env.HOOKGATE_SINK_ALLOW_PRIVATE === 'true', timeoutMs: WORKERS_TIMEOUT_MS });
  const target = prefectEnvTarget(env);
  const ready = target ? ensureEnvSink(ENV_SINK_NAME, target, { store, now: Date.now }).then(() => undefined) : Promise.resolve();
  const deps: ForwardDeps = {
    store,
    send,
    now: Date.now,
    claimant: `worker:${crypto.randomUUID()}`,
    leaseMs: WORKERS_LEASE_MS,
    requestTimeoutMs: WORKERS_TIMEOUT_MS,
    maxClaimsPerSink: WORKERS_CLAIMS_PER_SINK,
  };
  return {
    send,
    ready,
    // The entry drains after each ingest itself (waitUntil); an edit or a retry waits for the cron.
    wake() {},
    async drain() {
      try {
        await ready;
        await drainSinks(deps);
      } catch (error) {
        log('forwarding: drain failed', error);
      }
    },
  };
}
