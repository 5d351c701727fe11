/**
 * Forwarding policy, pure: how a sink's answer is classified and how long to wait before the next
 * attempt. Transient trouble (5xx, 429, 408, timeouts, resets) waits with exponential backoff and
 * jitter, honouring `Retry-After`, and never drops an event; configuration trouble (401/403/404,
 * redirects) marks the sink failing and retries slowly; a rejected event (400/422, 413 alone)
 * becomes a dead letter.
 * @see https://github.com/PrefectHQ/prefect/blob/main/src/prefect/client/base.py (2**n ± 20 %, Retry-After)
 */

export type Verdict =
  | { kind: 'delivered' }
  /** 5xx, 429, 408, network errors: wait and retry everything. */
  | { kind: 'transient'; retryAfterMs?: number }
  /** 401/403/404, 3xx, other 4xx: the sink's configuration is wrong; retry slowly. */
  | { kind: 'misconfigured' }
  /** 400/422: the sink refused the content; `indices` when it says which events. */
  | { kind: 'rejected'; indices?: number[] }
  /** 413: the request is too large. */
  | { kind: 'too-large' };

export const BASE_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 5 * 60_000;
export const MISCONFIGURED_BACKOFF_MS = 60_000;
export const MAX_MISCONFIGURED_BACKOFF_MS = 30 * 60_000;
/** Longest `Retry-After` honoured as given (a day); a longer one waits this long. */
export const MAX_RETRY_AFTER_MS = 86_400_000;
export const JITTER = 0.2;

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `nowMs`. @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}

export function classify(status: number, headers: Headers, body: string, nowMs: number): Verdict {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs);
    return retryAfterMs === undefined ? { kind: 'transient' } : { kind: 'transient', retryAfterMs };
  }
  if (status === 413) return { kind: 'too-large' };
  if (status === 400 || status === 422) {
    const indices = rejectedIndices(body);
    return indices ? { kind: 'rejected', indices } : { kind: 'rejected' };
  }
  return { kind: 'misconfigured' };
}

/**
 * The batch indices a Prefect-style 422 names: `exception_detail[].loc = ["body", <index>, …]`
 * (FastAPI's `detail` too). Undefined when the answer names none.
 */
export function rejectedIndices(body: string): number[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const record = parsed as { exception_detail?: unknown; detail?: unknown } | null;
  const details = Array.isArray(record?.exception_detail) ? record.exception_detail : record?.detail;
  if (!Array.isArray(details)) return undefined;
  const indices = new Set<number>();
  for (const detail of details) {
    const loc = (detail as { loc?: unknown } | null)?.loc;
    if (Array.isArray(loc) && loc[0] === 'body' && Number.isInteger(loc[1])) indices.add(loc[1] as number);
  }
  return indices.size > 0 ? [...indices].sort((a, b) => a - b) : undefined;
}

/** ±JITTER around `ms`; `random` in [0, 1). */
function jittered(ms: number, random: number): number {
  return Math.round(ms * (1 - JITTER + 2 * JITTER * random));
}

/** Wait after the `failures`-th consecutive transient failure (1, 2, …): 2^(n-1) s ± 20 %, at most 5 min; at least `Retry-After`. */
export function transientBackoffMs(failures: number, random: number, retryAfterMs?: number): number {
  const exponential = jittered(Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(30, Math.max(0, failures - 1))), random);
  if (retryAfterMs === undefined) return exponential;
  // Honour Retry-After, spread a little beyond it so many processes do not return at once.
  return retryAfterMs + Math.round(retryAfterMs * JITTER * random);
}

/** Wait after the `failures`-th consecutive configuration failure: 1 min doubling to 30 min, ± 20 %. */
export function misconfiguredBackoffMs(failures: number, random: number): number {
  return jittered(
    Math.min(MAX_MISCONFIGURED_BACKOFF_MS, MISCONFIGURED_BACKOFF_MS * 2 ** Math.min(30, Math.max(0, failures - 1))),
    random,
  );
}
