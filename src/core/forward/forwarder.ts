/**
 * The forwarder: drains sinks' outboxes. A drain claims a sink's due rows under a lease, drops
 * what Prefect would refuse into dead letters, sends the rest in batches, and settles the claim
 * in one transaction: delivered rows deleted, rejected ones dead-lettered, the others released
 * for a retry after the sink's backoff. Runtime-free: the Node loop and the Workers handlers call
 * `drainSinks` after ingest and on a timer or cron.
 */
import { microsFromMillis } from '../../lib/time';
import type { StoredEvent } from '../../schemas/event';
import type { Sink } from '../../schemas/sink';
import type { DeadLetterInput, DueSink, OutboxClaim, Settlement, SinkStore } from '../../store/types';
import { type BatchResult, deliverBatch, type SinkSend } from './deliver';
import type { ForwardMetrics } from './metrics';
import { misconfiguredBackoffMs, transientBackoffMs } from './policy';
import { prefectViolation } from './prefect';
import { MAX_REQUEST_BYTES, splitBatches } from './requests';

export interface ForwardDeps {
  store: SinkStore;
  send: SinkSend;
  /** Wall clock, ms. */
  now: () => number;
  /** This process's name in claims (several processes may drain one database). */
  claimant: string;
  /** How long a claim holds its rows; a process killed mid-send loses them to the next drain after this. */
  leaseMs: number;
  /** Longest a request may take (the runtime's timeout); no request starts unless it can finish inside the lease. */
  requestTimeoutMs: number;
  random?: () => number;
  metrics?: ForwardMetrics;
  /** True once the runtime is shutting down: no new claim starts. */
  stopping?: () => boolean;
  /** Claims per sink per drain (default MAX_CLAIMS_PER_DRAIN); Workers keep it under their subrequest limit. */
  maxClaimsPerSink?: number;
}

/** Claims a drain makes per sink at most, per call: the loop calls again while work remains. */
export const MAX_CLAIMS_PER_DRAIN = 20;
/** A claim takes this many requests' worth of events: fewer transactions per event under load. */
export const BATCHES_PER_CLAIM = 5;
/** Most events one claim takes. */
export const MAX_CLAIM_EVENTS = 500;

const encoder = new TextEncoder();
const sizeOf = (event: StoredEvent) => encoder.encode(JSON.stringify(event)).length;

/** Events no request could carry: dead letters before anything is sent. */
function refuseUnsendable(sink: Sink, claimed: OutboxClaim['events']): { sendable: StoredEvent[]; dead: DeadLetterInput[] } {
  const sendable: StoredEvent[] = [];
  const dead: DeadLetterInput[] = [];
  for (const { event, bytes } of claimed) {
    const problem =
      sink.target.kind === 'prefect'
        ? prefectViolation(event, bytes)
        : bytes > MAX_REQUEST_BYTES && sizeOf(event) > MAX_REQUEST_BYTES
          ? 'the event is larger than a request may be'
          : undefined;
    if (problem) dead.push({ eventId: event.id, reason: problem, status: null, excerpt: '' });
    else sendable.push(event);
  }
  return { sendable, dead };
}

function claimLimit(sink: Sink): number {
  return Math.min(MAX_CLAIM_EVENTS, sink.batchSize * BATCHES_PER_CLAIM);
}

/** One claim of a sink's rows, sent and settled. Resolves whether to keep draining this sink. */
async function drainClaim(due: DueSink, deps: ForwardDeps): Promise<{ more: boolean; sent: number }> {
  const { sink } = due;
  const random = deps.random ?? Math.random;
  const started = deps.now();
  const token = `${deps.claimant}:${crypto.randomUUID()}`;
  const claim = await deps.store.claimOutbox(sink, {
    token,
    nowMicros: microsFromMillis(started),
    leaseUntilMicros: microsFromMillis(started + deps.leaseMs),
    limit: claimLimit(sink),
  });
  if (claim.events.length === 0) return { more: false, sent: 0 };
  const { sendable, dead } = refuseUnsendable(sink, claim.events);
  const sizes = new Map(claim.events.map((c) => [c.event, c.bytes]));
  let result: BatchResult = { delivered: [], dead, undelivered: [], lastStatus: null, requests: 0 };
  const ctx = { sink, send: deps.send, now: deps.now };
  for (const batch of splitBatches(sink, sendable, (event) => sizes.get(event) ?? sizeOf(event))) {
    // No request starts that could outlast the lease (another process may take the rows over then); the first always goes.
    const outlasts = result.requests > 0 && deps.now() + deps.requestTimeoutMs > started + deps.leaseMs;
    if (result.stop || outlasts) {
      result = { ...result, undelivered: [...result.undelivered, ...batch] };
      continue;
    }
    const next = await deliverBatch(ctx, batch);
    result = {
      delivered: [...result.delivered, ...next.delivered],
      dead: [...result.dead, ...next.dead],
      undelivered: [...result.undelivered, ...next.undelivered],
      ...((next.stop ?? result.stop) && { stop: next.stop ?? result.stop }),
      lastStatus: next.lastStatus ?? result.lastStatus,
      requests: result.requests + next.requests,
    };
  }
  const settlement = settle(result, due.failures, deps.now(), random());
  await deps.store.settleOutbox(sink.id, token, settlement);
  deps.metrics?.record(sink.name, settlement);
  const more = !result.stop && result.undelivered.length === 0 && claim.events.length >= claimLimit(sink);
  return { more, sent: result.delivered.length };
}

/** The claim's outcome as a settlement: the sink's state and backoff follow the stop, if any. */
export function settle(result: BatchResult, failures: number, nowMs: number, random: number): Settlement {
  const stop = result.stop;
  const waitMs = !stop
    ? 0
    : stop.kind === 'transient'
      ? transientBackoffMs(failures + 1, random, stop.retryAfterMs)
      : misconfiguredBackoffMs(failures + 1, random);
  const at = stop ? microsFromMillis(nowMs + waitMs) : 0;
  const lastDead = result.dead.at(-1);
  return {
    delivered: result.delivered,
    retry: result.undelivered.map((e) => e.id),
    retryAtMicros: stop ? at : microsFromMillis(nowMs),
    dead: result.dead,
    state: !stop ? 'ok' : stop.kind === 'transient' ? 'retrying' : 'failing',
    failed: stop !== undefined,
    lastStatus: stop ? stop.status : (lastDead?.status ?? result.lastStatus),
    lastError: stop ? stop.error : lastDead ? `dead letter: ${lastDead.reason}` : null,
    nowMicros: microsFromMillis(nowMs),
    nextAttemptMicros: at,
  };
}

export interface DrainReport {
  sent: number;
  /** True when a sink still had due rows when this drain stopped (call again). */
  more: boolean;
}

/** Drains every due sink, each at most MAX_CLAIMS_PER_DRAIN claims; sinks are drained one after another. */
export async function drainSinks(deps: ForwardDeps): Promise<DrainReport> {
  const due = await deps.store.dueSinks(microsFromMillis(deps.now()));
  let sent = 0;
  let more = false;
  for (const sink of due) {
    let failures = sink.failures;
    const rounds = deps.maxClaimsPerSink ?? MAX_CLAIMS_PER_DRAIN;
    for (let round = 0; round < rounds; round++) {
      if (deps.stopping?.()) return { sent, more: false };
      const outcome = await drainClaim({ sink: sink.sink, failures }, deps);
      sent += outcome.sent;
      failures = 0;
      if (!outcome.more) break;
      if (round === rounds - 1) more = true;
    }
  }
  return { sent, more };
}
