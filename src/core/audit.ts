/**
 * Audit events (issue 17): every change to a webhook, a sink or an API key is itself an event in the
 * store, so the event feed is the audit log (as in Prefect Cloud). The acting key is a related
 * resource with role `actor`. Payloads name what changed, never a secret, a slug or a key.
 */
import { uuidv7 } from '../lib/ids';
import { formatTimestamp, microsFromMillis } from '../lib/time';
import type { Scope } from '../schemas/api-key';
import { type Event, type Labels, RESOURCE_ID, RESOURCE_NAME, RESOURCE_ROLE } from '../schemas/event';
import type { Sink } from '../schemas/sink';
import type { Webhook } from '../schemas/webhook';

/** Who made a change: an API key, or the bootstrap admin token from the environment (`keyId` null). */
export interface Actor {
  keyId: string | null;
  name: string;
  scope: Scope;
}

export const ADMIN_TOKEN_ACTOR: Actor = { keyId: null, name: 'admin-token', scope: 'admin' };

export type WebhookAction = 'created' | 'updated' | 'rotated' | 'enabled' | 'disabled' | 'deleted';
export type KeyAction = 'created' | 'revoked';
export type SinkAction = 'created' | 'updated' | 'deleted';

/** The actor as a related resource: `hookgate.api-key.<id>`, or `hookgate.admin-token`. */
export function actorResource(actor: Actor): Labels {
  return {
    [RESOURCE_ID]: actor.keyId ? `hookgate.api-key.${actor.keyId}` : 'hookgate.admin-token',
    [RESOURCE_ROLE]: 'actor',
    [RESOURCE_NAME]: actor.name,
  };
}

function auditEvent(event: string, resource: Labels, actor: Actor, payload: Record<string, unknown>, nowMs: number): Event {
  return {
    id: uuidv7(nowMs),
    occurred: formatTimestamp(microsFromMillis(nowMs)),
    event,
    resource,
    related: [actorResource(actor)],
    payload,
    follows: null,
  };
}

/**
 * `hookgate.webhook.<action>` on `hookgate.webhook.<id>`: the mapping kind, scheme and whether it
 * is enabled, plus the names of the fields an update gave (never their values: secrets live there).
 */
export function webhookAudit(action: WebhookAction, webhook: Webhook, actor: Actor, nowMs: number, fields?: string[]): Event {
  const resource = { [RESOURCE_ID]: `hookgate.webhook.${webhook.id}`, [RESOURCE_NAME]: webhook.name };
  const payload = {
    enabled: webhook.enabled,
    mapping: webhook.mapping.kind,
    verify: webhook.verify.scheme,
    ...(fields && { fields }),
  };
  return auditEvent(`hookgate.webhook.${action}`, resource, actor, payload, nowMs);
}

/** `hookgate.api-key.<action>` on `hookgate.api-key.<id>`: name, scope and expiry, never the key or its hash. */
export function keyAudit(
  action: KeyAction,
  key: { id: string; name: string; scope: Scope; expires: number | null },
  actor: Actor,
  nowMs: number,
): Event {
  const resource = { [RESOURCE_ID]: `hookgate.api-key.${key.id}`, [RESOURCE_NAME]: key.name };
  const payload = { scope: key.scope, expires: key.expires === null ? null : formatTimestamp(key.expires) };
  return auditEvent(`hookgate.api-key.${action}`, resource, actor, payload, nowMs);
}

/**
 * `hookgate.sink.<action>` on `hookgate.sink.<id>`: the target's kind, whether it is enabled and
 * filtered, plus the names of the fields an update gave. Never the target itself: its URL may hold
 * a token in its path or query, and its API key, auth string, headers and signing secret are secrets.
 */
export function sinkAudit(action: SinkAction, sink: Sink, actor: Actor, nowMs: number, fields?: string[]): Event {
  const resource = { [RESOURCE_ID]: `hookgate.sink.${sink.id}`, [RESOURCE_NAME]: sink.name };
  const payload = {
    enabled: sink.enabled,
    kind: sink.target.kind,
    filtered: sink.filter !== null,
    batchSize: sink.batchSize,
    ...(fields && { fields }),
  };
  return auditEvent(`hookgate.sink.${action}`, resource, actor, payload, nowMs);
}
