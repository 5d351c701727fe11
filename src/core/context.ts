/**
 * The template context of a verified request (DESIGN §3 "Template context"): method, headers
 * (lower-cased, without `authorization` and `cookie`), query, parsed body, raw body, webhook, received.
 */
import type { Webhook } from '../schemas/webhook';
import { bodyText, formToObject, type ParsedBody, parseBody } from './parse-body';
import { formatTimestamp } from './time';
import type { VerifiedRequest } from './verify';

/** Headers never shown to templates, stored in events or logged. */
export const HIDDEN_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'proxy-authorization']);

export interface RequestContext {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  rawBody: string;
  webhook: { id: string; name: string };
  received: string;
  cloudevent?: unknown;
}

export function visibleHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  headers.forEach((value, key) => {
    if (!HIDDEN_HEADERS.has(key)) out[key] = value;
  });
  return out;
}

export interface ContextParts {
  context: RequestContext;
  parsed: ParsedBody;
}

export function buildContext(request: VerifiedRequest, webhook: Webhook): ContextParts {
  const rawBody = bodyText(request.body);
  const parsed = parseBody(rawBody, request.headers.get('content-type'));
  const context: RequestContext = {
    method: request.method,
    headers: visibleHeaders(request.headers),
    query: formToObject(request.url.searchParams),
    body: parsed.ok ? parsed.value : rawBody,
    rawBody,
    webhook: { id: webhook.id, name: webhook.name },
    received: formatTimestamp(request.receivedAt * 1000),
  };
  return { context, parsed };
}
