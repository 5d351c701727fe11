/**
 * Replay (DESIGN §4.3, §7): stored `hookgate.webhook.failed` events are re-run through the
 * webhook's CURRENT mapping once it is fixed. Verification happened when the request was received,
 * so the stored request is taken as verified. Replay is idempotent: an event keeps the id it would
 * have had on a successful delivery (the provider's delivery id, `idFrom`), else an id derived from
 * the failure event's id and the event's index — replaying twice stores the events once.
 */
import { z } from 'zod';
import { timestampMicros } from '../lib/time';
import type { Event } from '../schemas/event';
import type { ResolvedEventFilter } from '../schemas/filter';
import type { Webhook } from '../schemas/webhook';
import type { EventStore } from '../store/types';
import { FAILED_EVENT } from './failure';
import type { MapperDeps } from './map';
import { translate } from './pipeline';
import type { ReceivedRequest } from './receive';
import { type VerifiedRequest, verify } from './verify';

/** What a failure event's payload holds of the request (src/core/failure.ts), read back as a boundary. */
const StoredRequest = z.object({
  method: z.string().min(1),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  body: z.string().nullable(),
  bodyTruncated: z.boolean(),
});
const FailurePayload = z.object({ request: StoredRequest });

/** Events of one failure checked for "already replayed" (a fan-out is judged by its first ones). */
const MAX_CHECKED_EVENTS = 10;

export interface ReplayedFailure {
  failure: string;
  /** Ids of the events the request now becomes (stored now, or already stored). */
  events: string[];
}

export interface StillFailing {
  failure: string;
  error: { code: string; detail: string; [extra: string]: unknown };
}

export interface SkippedFailure {
  failure: string;
  /** `body-truncated`: the failure kept only part of the body; `not-replayable`: no request in it. */
  reason: 'body-truncated' | 'not-replayable';
}

export interface ReplayReport {
  /** Failure events of the webhook in the window, across all calls. */
  total: number;
  replayed: ReplayedFailure[];
  /** Events newly stored / already stored (an earlier replay, or the provider's retry). */
  written: number;
  duplicates: number;
  /** Requests the current mapping still cannot map: reported, not stored again. */
  failed: StillFailing[];
  skipped: SkippedFailure[];
}

export interface ReplayOptions {
  /** The window of failures to replay (resolved: both bounds set). */
  occurred: ResolvedEventFilter['occurred'];
  /** Only these failure events (ids), when given. */
  ids?: string[];
  limit: number;
}

export interface ReplayDeps extends MapperDeps {
  store: EventStore;
}

/** The stored request, as the verified request it was when it arrived. */
async function storedRequest(request: z.infer<typeof StoredRequest>, receivedAt: number): Promise<VerifiedRequest> {
  const url = new URL('http://hookgate.replay/hooks/replay');
  for (const [key, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }
  const received: ReceivedRequest = {
    method: request.method,
    url,
    headers: new Headers(request.headers),
    body: new TextEncoder().encode(request.body ?? ''),
    receivedAt,
  };
  // The sender was verified at receipt; the credentials themselves were never stored.
  return verify({ scheme: 'none' }, received);
}

/** The failure events of `webhook` a replay considers, oldest first. */
export function failureFilter(
  webhook: Pick<Webhook, 'id'>,
  options: Pick<ReplayOptions, 'occurred' | 'ids'>,
): ResolvedEventFilter {
  return {
    occurred: options.occurred,
    event: { name: [FAILED_EVENT] },
    resource: { id: [`hookgate.webhook.${webhook.id}`], distinct: false },
    id: options.ids ? { id: options.ids } : null,
    order: 'ASC',
  };
}

type StoredFailure = Awaited<ReturnType<EventStore['queryEvents']>>['events'][number];

type Attempt =
  | { kind: 'skipped'; reason: SkippedFailure['reason'] }
  | { kind: 'failed'; error: StillFailing['error'] }
  | { kind: 'mapped'; events: Event[] };

/** What the current mapping makes of one stored failure, without storing anything. */
async function attempt(webhook: Webhook, failure: StoredFailure, deps: MapperDeps): Promise<Attempt> {
  const payload = FailurePayload.safeParse(failure.payload);
  if (!payload.success) return { kind: 'skipped', reason: 'not-replayable' };
  if (payload.data.request.bodyTruncated) return { kind: 'skipped', reason: 'body-truncated' };
  const receivedAt = Math.floor(timestampMicros(failure.occurred) / 1000);
  // The delivery id when the webhook's `idFrom` finds one, else `replay:<failure id>`: each event's id is fixed.
  const request = await storedRequest(payload.data.request, receivedAt);
  const outcome = translate(webhook, request, deps, undefined, { fallbackDeliveryId: `replay:${failure.id}` });
  if (!outcome.ok) {
    const { code, detail, extras } = outcome.error;
    return { kind: 'failed', error: { ...extras, code, detail } };
  }
  return { kind: 'mapped', events: outcome.events };
}

/** Re-runs the webhook's stored failures through its current mapping and stores what now maps. */
export async function replayFailures(webhook: Webhook, options: ReplayOptions, deps: ReplayDeps): Promise<ReplayReport> {
  const page = await deps.store.queryEvents(failureFilter(webhook, options), { limit: options.limit, offset: 0 });
  const report: ReplayReport = { total: page.total, replayed: [], written: 0, duplicates: 0, failed: [], skipped: [] };
  for (const failure of page.events) {
    const result = await attempt(webhook, failure, deps);
    if (result.kind === 'skipped') report.skipped.push({ failure: failure.id, reason: result.reason });
    else if (result.kind === 'failed') report.failed.push({ failure: failure.id, error: result.error });
    else {
      const written = await deps.store.writeEvents(result.events);
      report.written += written.written;
      report.duplicates += written.duplicates;
      report.replayed.push({ failure: failure.id, events: result.events.map((event) => event.id) });
    }
  }
  return report;
}

/** Where the stored failures stand: done (their events are stored), to replay, or not replayable. */
export interface FailureStates {
  /** Failure events in the window. */
  total: number;
  /** Failures whose request the current mapping turns into events that are all stored: nothing left to do. */
  replayed: ReplayedFailure[];
  /** Failures a replay would still act on: they now map to events not stored yet, or still fail. */
  pending: string[];
  skipped: SkippedFailure[];
}

/**
 * The rule for "done": a failure counts as replayed when what its request maps to now is stored —
 * the events keep the ids a replay gives them, so this holds after a replay (or a provider's retry
 * of the same delivery) and stops holding when the mapping changes what it makes. Stores nothing.
 */
export async function failureStates(webhook: Webhook, options: ReplayOptions, deps: ReplayDeps): Promise<FailureStates> {
  const page = await deps.store.queryEvents(failureFilter(webhook, options), { limit: options.limit, offset: 0 });
  const states: FailureStates = { total: page.total, replayed: [], pending: [], skipped: [] };
  for (const failure of page.events) {
    const result = await attempt(webhook, failure, deps);
    if (result.kind === 'skipped') {
      states.skipped.push({ failure: failure.id, reason: result.reason });
      continue;
    }
    const ids = result.kind === 'mapped' ? result.events.map((event) => event.id) : [];
    const found = await Promise.all(ids.slice(0, MAX_CHECKED_EVENTS).map((id) => deps.store.readEvent(id)));
    const stored = ids.length > 0 && found.every((event) => event !== undefined);
    if (stored) states.replayed.push({ failure: failure.id, events: ids });
    else states.pending.push(failure.id);
  }
  return states;
}
