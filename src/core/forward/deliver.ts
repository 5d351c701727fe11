/**
 * Delivering one batch to a sink and reading its answer: a 2xx delivers the batch; a 422 naming
 * events dead-letters those and resends the rest; a refusal that names none (or a 413) is
 * bisected down to the single event at fault; transient or configuration trouble stops the
 * drain (the caller retries the rest later).
 */
import type { StoredEvent } from '../../schemas/event';
import type { Sink } from '../../schemas/sink';
import type { DeadLetterInput } from '../../store/types';
import { classify, type Verdict } from './policy';
import { buildRequest, type OutgoingRequest } from './requests';

/** What a sink answered (the body cut to a short excerpt by the runtime). */
export interface SinkAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** Sends one request to a sink; throws on network errors and timeouts. The runtime provides it (and its SSRF guard). */
export type SinkSend = (request: OutgoingRequest, sink: Sink) => Promise<SinkAnswer>;

export const MAX_EXCERPT_CHARS = 500;

/** Thrown by a runtime's sender for a target it may not reach (the SSRF guard): the sink is misconfigured, not down. */
export class TargetRefusedError extends Error {
  readonly code = 'EBLOCKEDTARGET';
}

export interface Stop {
  kind: 'transient' | 'misconfigured';
  status: number | null;
  error: string;
  retryAfterMs?: number;
}

export interface BatchResult {
  delivered: string[];
  dead: DeadLetterInput[];
  /** Events neither delivered nor dead (set when the batch stopped). */
  undelivered: StoredEvent[];
  stop?: Stop;
  /** The last answer's status, for the sink's status line. */
  lastStatus: number | null;
  requests: number;
}

export function excerpt(text: string): string {
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;
}

interface Context {
  sink: Sink;
  send: SinkSend;
  now: () => number;
}

function stopped(
  kind: Stop['kind'],
  status: number | null,
  error: string,
  events: StoredEvent[],
  retryAfterMs?: number,
): BatchResult {
  const stop: Stop = retryAfterMs === undefined ? { kind, status, error } : { kind, status, error, retryAfterMs };
  return { delivered: [], dead: [], undelivered: events, stop, lastStatus: status, requests: 1 };
}

function merge(a: BatchResult, b: BatchResult): BatchResult {
  return {
    delivered: [...a.delivered, ...b.delivered],
    dead: [...a.dead, ...b.dead],
    undelivered: [...a.undelivered, ...b.undelivered],
    ...((b.stop ?? a.stop) && { stop: b.stop ?? a.stop }),
    lastStatus: b.lastStatus ?? a.lastStatus,
    requests: a.requests + b.requests,
  };
}

/** Sends `events` as one request, then each part in turn; later parts wait once one stops. */
async function deliverParts(ctx: Context, parts: StoredEvent[][], first: BatchResult): Promise<BatchResult> {
  let result = first;
  for (const part of parts) {
    if (result.stop) result = merge(result, { delivered: [], dead: [], undelivered: part, lastStatus: null, requests: 0 });
    else if (part.length > 0) result = merge(result, await deliverBatch(ctx, part));
  }
  return result;
}

function rejection(status: number, verdict: Verdict): string {
  return verdict.kind === 'too-large'
    ? `the sink refused the request as too large (HTTP ${status})`
    : `the sink rejected the event (HTTP ${status})`;
}

export async function deliverBatch(ctx: Context, events: StoredEvent[]): Promise<BatchResult> {
  let answer: SinkAnswer;
  try {
    answer = await ctx.send(await buildRequest(ctx.sink, events, ctx.now()), ctx.sink);
  } catch (error) {
    const refused = (error as { code?: unknown } | null)?.code === 'EBLOCKEDTARGET';
    const message = excerpt(error instanceof Error ? error.message : String(error));
    return stopped(refused ? 'misconfigured' : 'transient', null, message, events);
  }
  const { status, body } = answer;
  const verdict = classify(status, answer.headers, body, ctx.now());
  const none: BatchResult = { delivered: [], dead: [], undelivered: [], lastStatus: status, requests: 1 };
  switch (verdict.kind) {
    case 'delivered':
      return { ...none, delivered: events.map((e) => e.id) };
    case 'transient':
      return stopped('transient', status, `HTTP ${status}: ${excerpt(body)}`, events, verdict.retryAfterMs);
    case 'misconfigured':
      return stopped('misconfigured', status, `HTTP ${status}: ${excerpt(body)}`, events);
    default: {
      const named = verdict.kind === 'rejected' ? (verdict.indices ?? []).filter((i) => i < events.length) : [];
      if (named.length > 0) {
        const bad = new Set(named);
        const dead = events.filter((_, i) => bad.has(i));
        const letters = dead.map((e) => ({
          eventId: e.id,
          reason: rejection(status, verdict),
          status,
          excerpt: excerpt(body),
        }));
        return deliverParts(ctx, [events.filter((_, i) => !bad.has(i))], { ...none, dead: letters });
      }
      if (events.length === 1) {
        const [event] = events as [StoredEvent];
        return {
          ...none,
          dead: [{ eventId: event.id, reason: rejection(status, verdict), status, excerpt: excerpt(body) }],
        };
      }
      const half = Math.ceil(events.length / 2);
      return deliverParts(ctx, [events.slice(0, half), events.slice(half)], none);
    }
  }
}
