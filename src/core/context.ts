/**
 * The template context of a verified request (DESIGN §3 "Template context"): method, headers
 * (lower-cased, without `authorization` and `cookie`), query, parsed body, raw body, webhook, received,
 * and — when the request is a valid CloudEvent — the event in `cloudevent` (a batch's in `cloudevents`).
 */

import { formatTimestamp } from '../lib/time';
import type { Webhook } from '../schemas/webhook';
import { contentModeOf, dataMembers, InvalidCloudEventError, readCloudEvents } from './cloudevents';
import { bodyText, formToObject, type ParsedBody, parseBody } from './parse-body';
import type { VerifiedRequest } from './verify';

/**
 * Headers never shown to templates, stored in events or logged: credentials sent as they are
 * (GitLab sends its webhook secret itself in `x-gitlab-token`), not signatures.
 */
export const HIDDEN_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'proxy-authorization',
  'x-gitlab-token',
  'x-telegram-bot-api-secret-token',
  'x-hook-secret',
]);

/** A CloudEvent as templates see it: the JSON event format, attributes and extensions, data decoded. */
export type CloudEventView = Record<string, unknown>;

export interface RequestContext {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  rawBody: string;
  webhook: { id: string; name: string };
  received: string;
  /** The CloudEvent of a binary- or structured-mode request; absent for a batch and for other requests. */
  cloudevent?: CloudEventView;
  /** Every CloudEvent of the request, in order: a batch's events, or the one event. */
  cloudevents?: CloudEventView[];
}

/** The headers templates see: without credentials, nor the header a token scheme reads its secret from (Okta's is configurable). */
export function visibleHeaders(headers: Headers, secretHeader?: string): Record<string, string> {
  const hidden = secretHeader?.toLowerCase();
  const out: Record<string, string> = Object.create(null);
  headers.forEach((value, key) => {
    if (!HIDDEN_HEADERS.has(key) && key !== hidden) out[key] = value;
  });
  return out;
}

export interface ContextParts {
  context: RequestContext;
  parsed: ParsedBody;
}

/** The CloudEvents of a request that says it carries some and does (an invalid one gives none). */
function cloudEventsOf(request: VerifiedRequest, parsed: ParsedBody): Pick<RequestContext, 'cloudevent' | 'cloudevents'> {
  if (contentModeOf(request.headers) === undefined) return {};
  try {
    const { mode, events } = readCloudEvents({ headers: request.headers, body: request.body, parsed });
    const views = events.map((event) => ({ ...event.attributes, ...dataMembers(event) }));
    return mode === 'batch' ? { cloudevents: views } : { cloudevent: views[0], cloudevents: views };
  } catch (error) {
    // Templates then see no CloudEvent; a cloudevents mapping reports the error itself.
    if (error instanceof InvalidCloudEventError) return {};
    throw error;
  }
}

export function buildContext(request: VerifiedRequest, webhook: Webhook): ContextParts {
  const rawBody = bodyText(request.body);
  const parsed = parseBody(rawBody, request.headers.get('content-type'));
  const context: RequestContext = {
    method: request.method,
    headers: visibleHeaders(request.headers, webhook.verify?.scheme === 'okta' ? webhook.verify.header : undefined),
    query: formToObject(request.url.searchParams),
    body: parsed.ok ? parsed.value : rawBody,
    rawBody,
    webhook: { id: webhook.id, name: webhook.name },
    received: formatTimestamp(request.receivedAt * 1000),
    ...cloudEventsOf(request, parsed),
  };
  return { context, parsed };
}
