/**
 * API key rules (issue 17): scopes, making a key (shown once, stored as a SHA-256 hash), listing,
 * revoking, and authenticating a bearer token. Functions of `(input, deps)`; the API routes, the UI
 * and the CLI (through the API) share them. Every change writes its audit event atomically.
 *
 * Scopes: `read` < `manage` < `admin`, each including the ones below it; `emit` (POST /api/events
 * only) stands apart, and `manage` and `admin` include it too.
 */

import { parseDuration } from '../lib/duration';
import { InputError, NotFoundError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import { bytesEqual, randomToken } from '../lib/secrets';
import { formatTimestamp, microsFromMillis, timestampMicros } from '../lib/time';
import { ApiKeyCreate, type ApiKeyRecord, type ApiKeyView, type Scope } from '../schemas/api-key';
import { parseWith } from '../schemas/issues';
import type { ApiKeyStore } from '../store/types';
import { type Actor, keyAudit } from './audit';

/** Recognisable in logs and secret scanners. */
export const KEY_PREFIX = 'hgk_';
/** 32 random bytes: 256 bits, 43 base64url characters after the prefix. */
const KEY_BYTES = 32;
/** `hgk_` and 6 characters: enough to tell keys apart in a list, far too few to guess the rest. */
const SHOWN_PREFIX_CHARS = KEY_PREFIX.length + 6;
/** A key's last use is written at most this often (per process), off the request's path. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const RANK: Record<Exclude<Scope, 'emit'>, number> = { read: 1, manage: 2, admin: 3 };

/** True when a key of scope `granted` may do what needs `needed`. */
export function scopeAllows(granted: Scope, needed: Scope): boolean {
  if (granted === needed) return true;
  if (granted === 'emit') return false;
  if (needed === 'emit') return granted === 'manage' || granted === 'admin';
  return RANK[granted] >= RANK[needed];
}

export interface KeyRulesDeps {
  store: ApiKeyStore;
  /** Wall clock, milliseconds. */
  now: () => number;
  actor: Actor;
}

const encoder = new TextEncoder();

/** Hex SHA-256 of a key: a key has 256 random bits, so a fast hash is enough (no salt, no stretching). */
export async function hashKey(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(key)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function keyView(key: ApiKeyRecord): ApiKeyView {
  const time = (micros: number | null) => (micros === null ? null : formatTimestamp(micros));
  return {
    id: key.id,
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    created: formatTimestamp(key.created),
    expires: time(key.expires),
    lastUsed: time(key.lastUsed),
  };
}

function expiryMicros(expires: string | undefined, nowMs: number): number | null {
  if (expires === undefined) return null;
  const duration = parseDuration(expires);
  const micros = duration !== undefined ? microsFromMillis(nowMs + duration) : timestampMicros(expires);
  if (micros <= microsFromMillis(nowMs)) throw new InputError(422, 'invalid-expiry', 'expires must be in the future');
  return micros;
}

/** Makes a key; the answer holds the key itself, which is never available again. */
export async function createKey(input: unknown, deps: KeyRulesDeps): Promise<ApiKeyView & { key: string }> {
  const parsed = parseWith(ApiKeyCreate, input);
  const nowMs = deps.now();
  const key = `${KEY_PREFIX}${randomToken(KEY_BYTES)}`;
  const record: ApiKeyRecord = {
    id: crypto.randomUUID(),
    name: parsed.name,
    scope: parsed.scope,
    hash: await hashKey(key),
    prefix: key.slice(0, SHOWN_PREFIX_CHARS),
    created: microsFromMillis(nowMs),
    expires: expiryMicros(parsed.expires, nowMs),
    lastUsed: null,
  };
  await deps.store.applyChange({ kind: 'key.create', key: record }, keyAudit('created', record, deps.actor, nowMs));
  return { ...keyView(record), key };
}

export async function listKeys(deps: Pick<KeyRulesDeps, 'store'>): Promise<ApiKeyView[]> {
  return (await deps.store.listApiKeys()).map(keyView);
}

/** Revokes (deletes) a key: the next request with it is refused, on every process sharing the store. */
export async function revokeKey(id: string, deps: KeyRulesDeps): Promise<void> {
  const key = isUuid(id) ? await deps.store.getApiKey(id.toLowerCase()) : undefined;
  if (!key) throw new NotFoundError('api-key-not-found', `no API key with id ${id.slice(0, 64)}`);
  await deps.store.applyChange({ kind: 'key.revoke', id: key.id }, keyAudit('revoked', key, deps.actor, deps.now()));
}

/** The live key a stored record stands for, if it has not expired. */
export function activeKey(key: ApiKeyRecord | undefined, nowMs: number): ApiKeyRecord | undefined {
  return key && (key.expires === null || key.expires > microsFromMillis(nowMs)) ? key : undefined;
}

export function keyActor(key: ApiKeyRecord): Actor {
  return { keyId: key.id, name: key.name, scope: key.scope };
}

export interface KeyLookup {
  actor: Actor;
  /** Present when the key's last use is due to be written: run it after the response. */
  touch?: () => Promise<void>;
}

/**
 * Finds the key a bearer token is, reading its row on every call (no cache that could outlive a
 * revoke). The row is found by the hash (the index); the hashes are compared again in constant time.
 */
export async function lookupKey(token: string, deps: Pick<KeyRulesDeps, 'store' | 'now'>): Promise<KeyLookup | undefined> {
  if (!token.startsWith(KEY_PREFIX)) return undefined;
  const hash = await hashKey(token);
  const key = activeKey(await deps.store.getApiKeyByHash(hash), deps.now());
  if (!key || !bytesEqual(encoder.encode(key.hash), encoder.encode(hash))) return undefined;
  const nowMicros = microsFromMillis(deps.now());
  const due = key.lastUsed === null || nowMicros - key.lastUsed >= LAST_USED_RESOLUTION_MS * 1000;
  return { actor: keyActor(key), ...(due && { touch: () => deps.store.touchApiKey(key.id, nowMicros) }) };
}
