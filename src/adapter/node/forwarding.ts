/**
 * Forwarding on Node: one drain loop per process, started by the gateway. It runs after commits
 * and after responses (a write wakes it on a short timer, never inline), polls every second for
 * retries that fall due, and stops cleanly: no new claim once stopping, the one in flight finishes.
 * Several processes on one database share the outbox through leases (src/core/forward/forwarder.ts).
 */
import { hostname } from 'node:os';
import { drainSinks, type ForwardDeps } from '../../core/forward/forwarder';
import { createForwardMetrics } from '../../core/forward/metrics';
import type { Forwarding, Logger } from '../../deps';
import type { Store } from '../../store/types';
import { createNodeSinkSend } from './sink-send';

/** How often the loop looks for retries that fell due when nothing woke it. */
export const POLL_MS = 1000;
/** A write wakes the loop this much later, so one drain serves the writes of a burst. */
export const WAKE_DELAY_MS = 50;

export interface NodeForwardingOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  leaseMs: number;
  log: Logger;
}

export interface NodeForwarding extends Forwarding {
  stop(): Promise<void>;
}

export function startForwarding(store: Store, options: NodeForwardingOptions): NodeForwarding {
  const send = createNodeSinkSend({ allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs });
  const metrics = createForwardMetrics();
  let stopping = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let release: (() => void) | undefined;
  /** A write arrived during a drain: drain again at once instead of pausing. */
  let woken = false;
  const deps: ForwardDeps = {
    store,
    send,
    now: Date.now,
    claimant: `${hostname()}:${process.pid}`,
    leaseMs: options.leaseMs,
    requestTimeoutMs: options.timeoutMs,
    metrics,
    stopping: () => stopping,
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        release = undefined;
        resolve();
      }
      release = done;
    });

  const loop = (async () => {
    while (!stopping) {
      let more = false;
      woken = false;
      try {
        more = (await drainSinks(deps)).more;
      } catch (error) {
        options.log.warn('forwarding: drain failed, retrying', { error: error instanceof Error ? error.message : String(error) });
      }
      if (!stopping && !more && !woken) await pause(POLL_MS);
      // Let requests and timers run between drains: a drain that only touches SQLite never yields on its own.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  })();

  return {
    send,
    metrics,
    wake() {
      if (stopping || wakeTimer) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined;
        woken = true;
        release?.();
      }, WAKE_DELAY_MS);
    },
    async stop() {
      stopping = true;
      clearTimeout(wakeTimer);
      release?.();
      await loop;
      send.close();
    },
  };
}

/** `store`, whose event writes wake the drain loop once committed. */
export function wakingStore(store: Store, wake: () => void): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'writeEvents') return Reflect.get(target, key, receiver);
      return async (events: Parameters<Store['writeEvents']>[0]) => {
        const result = await target.writeEvents(events);
        if (result.written > 0) wake();
        return result;
      };
    },
  });
}
