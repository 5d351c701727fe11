/**
 * Sink rules (issue 13), shared by the API, the CLI (through the API) and the UI: functions of
 * `(input, deps)` that return a sink (or its status, dead letters…) or throw typed errors from
 * src/lib/errors.ts. Secrets are write-only: a PATCH of the same kind keeps the ones it leaves out.
 */
import { ConflictError, InputError, NotFoundError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import { formatTimestamp, microsFromMillis } from '../lib/time';
import type { StoredEvent } from '../schemas/event';
import type { DeadLetter, Sink, SinkCreate, SinkPatch, SinkStatus, SinkTarget } from '../schemas/sink';
import type { Store } from '../store/types';
import { type Actor, sinkAudit } from './audit';
import { excerpt, type SinkSend } from './forward/deliver';
import { classify } from './forward/policy';
import { buildRequest } from './forward/requests';

export interface SinkDeps {
  store: Store;
  /** Wall clock, ms. */
  now: () => number;
  /** The runtime's forwarding: its sender (with the SSRF guard) and a nudge for the drain loop. */
  forwarding?: { send: SinkSend; wake(): void };
}

/** A change's deps: who makes it, named in its audit event (written with the change, issue 17). */
export interface SinkChangeDeps extends SinkDeps {
  actor: Actor;
}

/** Dead letters listed at most per call. */
export const MAX_DEAD_LETTERS_LISTED = 500;
/** Events one replay queues at most; call again with a later `since` for more. */
export const MAX_REPLAY_EVENTS = 100_000;

const SECRET_KEYS = ['apiKey', 'authString', 'signingSecret', 'headers'] as const;

const stamp = (deps: SinkDeps) => formatTimestamp(microsFromMillis(deps.now()));

export async function loadSink(id: string, deps: SinkDeps): Promise<Sink> {
  const sink = isUuid(id) ? await deps.store.getSink(id.toLowerCase()) : undefined;
  if (!sink) throw new NotFoundError('sink-not-found', `no sink with id ${id.slice(0, 64)}`);
  return sink;
}

async function checkNameFree(name: string, deps: SinkDeps, except?: string): Promise<void> {
  const holder = await deps.store.getSinkByName(name);
  if (holder && holder.id !== except) throw new ConflictError('sink-name-taken', `a sink named ${name} exists`);
}

/** A new sink from the API (`origin: api`, so the SSRF guard applies to it). */
export async function createSink(input: SinkCreate, deps: SinkChangeDeps): Promise<Sink> {
  await checkNameFree(input.name, deps);
  const created = stamp(deps);
  const sink: Sink = { ...input, id: crypto.randomUUID(), origin: 'api', created, updated: created };
  await deps.store.createSink(sink, sinkAudit('created', sink, deps.actor, deps.now()));
  return sink;
}

/** A target with the secrets the patch left out taken from the current one (same kind only). */
function mergeTarget(next: SinkTarget, current: SinkTarget): SinkTarget {
  if (next.kind !== current.kind) return next;
  const merged: Record<string, unknown> = { ...next };
  for (const key of SECRET_KEYS) {
    if (merged[key] === undefined && key in current) merged[key] = (current as Record<string, unknown>)[key];
  }
  return merged as SinkTarget;
}

export async function updateSink(id: string, patch: SinkPatch, deps: SinkChangeDeps): Promise<Sink> {
  const current = await loadSink(id, deps);
  if (patch.name !== undefined) await checkNameFree(patch.name, deps, current.id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const target = patch.target && mergeTarget(patch.target, current.target);
  // A target changed through the API is the API's: the SSRF guard applies to it from now on.
  const origin = target ? 'api' : current.origin;
  const sink: Sink = { ...current, ...defined, ...(target && { target }), origin, updated: stamp(deps) };
  const fields = Object.keys(defined);
  if (!(await deps.store.updateSink(sink, sinkAudit('updated', sink, deps.actor, deps.now(), fields)))) {
    throw new NotFoundError('sink-not-found', `no sink with id ${current.id}`);
  }
  deps.forwarding?.wake();
  return sink;
}

export async function deleteSink(id: string, deps: SinkChangeDeps): Promise<void> {
  const sink = await loadSink(id, deps);
  await deps.store.deleteSink(sink.id, sinkAudit('deleted', sink, deps.actor, deps.now()));
}

export async function sinkStatus(sink: Sink, deps: SinkDeps): Promise<SinkStatus> {
  const counters = await deps.store.sinkCounters(sink.id);
  if (!counters) throw new NotFoundError('sink-not-found', `no sink with id ${sink.id}`);
  const nowMicros = microsFromMillis(deps.now());
  const time = (micros: number | null) => (micros === null || micros === 0 ? null : formatTimestamp(micros));
  return {
    state: counters.state,
    delivered: counters.delivered,
    retries: counters.retries,
    pending: counters.pending,
    lagSeconds: counters.oldestPendingMicros === null ? 0 : Math.max(0, (nowMicros - counters.oldestPendingMicros) / 1e6),
    deadLetters: counters.deadLetters,
    lastStatus: counters.lastStatus,
    lastError: counters.lastError,
    lastAttempt: time(counters.lastAttemptMicros),
    lastSuccess: time(counters.lastSuccessMicros),
    nextAttempt: counters.nextAttemptMicros > nowMicros ? time(counters.nextAttemptMicros) : null,
  };
}

export async function listDeadLetters(id: string, limit: number, deps: SinkDeps): Promise<DeadLetter[]> {
  const sink = await loadSink(id, deps);
  const letters = await deps.store.listDeadLetters(sink.id, Math.min(limit, MAX_DEAD_LETTERS_LISTED));
  return letters.map((l) => ({
    eventId: l.eventId,
    event: l.event,
    reason: l.reason,
    status: l.status,
    excerpt: l.excerpt,
    created: formatTimestamp(l.createdMicros),
  }));
}

export async function retryDeadLetters(
  id: string,
  ids: readonly string[] | undefined,
  deps: SinkDeps,
): Promise<{ retried: number }> {
  const sink = await loadSink(id, deps);
  const retried = await deps.store.retryDeadLetters(
    sink.id,
    ids?.map((i) => i.toLowerCase()),
  );
  deps.forwarding?.wake();
  return { retried };
}

/** Queues again the events received since `since` (the receiver deduplicates by id). */
export async function replaySink(id: string, sinceMicros: number, deps: SinkDeps): Promise<{ queued: number; limit: number }> {
  const sink = await loadSink(id, deps);
  const queued = await deps.store.replaySink(sink.id, sinceMicros, MAX_REPLAY_EVENTS);
  deps.forwarding?.wake();
  return { queued, limit: MAX_REPLAY_EVENTS };
}

/** A synthetic event for `POST /api/sinks/:id/test`. */
export function testEvent(sink: Sink, nowMs: number): StoredEvent {
  const at = formatTimestamp(microsFromMillis(nowMs));
  return {
    id: crypto.randomUUID(),
    occurred: at,
    received: at,
    event: 'hookgate.sink.test',
    resource: { 'prefect.resource.id': `hookgate.sink.${sink.id}`, 'prefect.resource.name': sink.name },
    related: [],
    payload: { message: 'A test event from hookgate' },
    follows: null,
  };
}

/** Sends one synthetic event now, outside the outbox, and reports the sink's answer. */
export async function testSink(
  id: string,
  deps: SinkDeps,
): Promise<{ ok: boolean; status: number | null; answer: string; eventId: string }> {
  const sink = await loadSink(id, deps);
  if (!deps.forwarding) throw new InputError(422, 'forwarding-unavailable', 'this runtime does not forward events');
  const event = testEvent(sink, deps.now());
  try {
    const answer = await deps.forwarding.send(await buildRequest(sink, [event], deps.now()), sink);
    const ok = classify(answer.status, answer.headers, answer.body, deps.now()).kind === 'delivered';
    return { ok, status: answer.status, answer: excerpt(answer.body), eventId: event.id };
  } catch (error) {
    return {
      ok: false,
      status: null,
      answer: excerpt(error instanceof Error ? error.message : String(error)),
      eventId: event.id,
    };
  }
}

/**
 * The operator's sink from the environment (`PREFECT_API_URL` …): created, or brought up to date,
 * under `name`, as `origin: env` (trusted). Forwards every event. Not audited: no one acts through
 * hookgate here, the process applies its own configuration at start, and that configuration (the
 * deployment's environment) is where the operator's change is recorded.
 */
export async function ensureEnvSink(name: string, target: SinkTarget, deps: SinkDeps): Promise<Sink> {
  const current = await deps.store.getSinkByName(name);
  const now = stamp(deps);
  if (!current) {
    const sink: Sink = {
      id: crypto.randomUUID(),
      name,
      enabled: true,
      origin: 'env',
      target,
      filter: null,
      batchSize: 100,
      created: now,
      updated: now,
    };
    await deps.store.createSink(sink);
    return sink;
  }
  const sink: Sink = { ...current, origin: 'env', target, updated: now };
  if (JSON.stringify(current.target) !== JSON.stringify(target) || current.origin !== 'env') await deps.store.updateSink(sink);
  return sink;
}
