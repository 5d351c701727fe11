/**
 * One JSON log line per webhook request (issue 17), and its duration in the request histogram:
 * request id (the sender's `x-request-id` when it is a sane token, else a new one; returned as
 * `x-request-id`), webhook id, status, outcome, events stored and duration. Never the slug (the URL
 * is not logged), a secret, a header value or the body.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { UNKNOWN_WEBHOOK } from '../core/metrics';
import type { RouteDeps } from '../deps';

const FACTS = 'hookgate.hook-facts';
/** A request id we pass on: short and plain, so it can never smuggle anything into a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface HookFacts {
  webhook: string;
  outcome: string;
  events: number;
}

/** What `/hooks/:slug` found out about a request, for its log line. */
export function setHookFacts(c: Context, facts: HookFacts): void {
  c.set(FACTS as never, facts as never);
}

export function logHookRequests(deps: RouteDeps): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
    try {
      await next();
    } finally {
      const facts = (c.get(FACTS as never) as HookFacts | undefined) ?? {
        webhook: UNKNOWN_WEBHOOK,
        outcome: 'rejected',
        events: 0,
      };
      const seconds = (performance.now() - started) / 1000;
      const status = c.res.status;
      c.res.headers.set('x-request-id', requestId);
      deps.ops.request(facts.webhook, facts.outcome, seconds);
      deps.log.info('webhook request', {
        requestId,
        webhook: facts.webhook,
        status,
        outcome: facts.outcome,
        events: facts.events,
        durationMs: Math.round(seconds * 100_000) / 100,
      });
    }
  };
}
