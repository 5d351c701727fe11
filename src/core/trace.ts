/**
 * W3C Trace Context (issue 17): a webhook request's `traceparent` is kept with every event it
 * produces as a related resource `hookgate.trace.<trace-id>` (role `trace`, the whole header as the
 * `traceparent` label), so "every event of this trace" is a related-resource filter (an index
 * lookup), and a trace can be followed from the sender into hookgate's events. A malformed header
 * is ignored, never an error.
 * @see https://www.w3.org/TR/trace-context/#traceparent-header
 */
import { type Labels, RESOURCE_ID, RESOURCE_ROLE } from '../schemas/event';

/** version-traceid-parentid-flags, lower-case hex; version ff and all-zero ids are invalid. */
const TRACEPARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})(-.*)?$/;

/** The trace id of a valid `traceparent`, else undefined. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const match = TRACEPARENT.exec(traceparent?.trim() ?? '');
  if (!match) return undefined;
  const [, version, traceId = '', parentId = '', , rest] = match;
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  if (version === '00' && rest !== undefined) return undefined;
  return traceId;
}

/** The trace as related resources of an event: none without a valid `traceparent`. */
export function traceResources(headers: Record<string, string>): Labels[] {
  const traceparent = headers.traceparent?.trim();
  const traceId = traceIdOf(traceparent);
  if (!traceId || !traceparent) return [];
  return [{ [RESOURCE_ID]: `hookgate.trace.${traceId}`, [RESOURCE_ROLE]: 'trace', traceparent }];
}
