/**
 * Event ids: time-ordered UUIDv7 for new events, name-based UUIDv5 where redelivery must map to
 * the same id (§4.4 of DESIGN.md), and the UUID syntax check every id goes through.
 * @see https://www.rfc-editor.org/rfc/rfc9562
 */
import { sha1 } from './sha1';

const encoder = new TextEncoder();

/** True for any 8-4-4-4-12 hex UUID, whatever its version (as Prefect accepts). */
export function isUuid(text: string): boolean {
  // By character codes: every event id and `follows` is checked, a regular expression costs more.
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 0x2d) return false;
    } else if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46))) {
      return false;
    }
  }
  return true;
}

/** Two lower-case hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function format(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i] as number];
  }
  return out;
}

/** The last namespace read: a webhook's events all use its id as namespace. */
let lastNamespace = '';
let lastNamespaceBytes = new Uint8Array(16);

function parse(uuid: string): Uint8Array {
  if (uuid === lastNamespace) return lastNamespaceBytes;
  const hex = uuid.replaceAll('-', '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  lastNamespace = uuid;
  lastNamespaceBytes = bytes;
  return bytes;
}

/** Random bytes drawn from a pool refilled 4 KiB at a time: one `getRandomValues` call per 256 ids. */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

function randomBytes(count: number): Uint8Array {
  if (poolOffset + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    poolOffset = 0;
  }
  // A view, not a copy: each pooled byte is handed out once, so the caller may write into it.
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

/** A new UUIDv7: 48 bits of Unix milliseconds, then random bits. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms & 0xff;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return format(bytes);
}

/** UUIDv5 of `name` in the `namespace` UUID: the same inputs always give the same id. */
export function uuidv5(namespace: string, name: string): string {
  const ns = parse(namespace);
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, 16);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return format(bytes);
}

/** RFC 9562's URL namespace, used where a name is not scoped to a webhook. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** Id of the `index`-th event of a provider delivery: redelivery gives the same ids (DESIGN §4.4). */
export function deliveryEventId(webhookId: string, deliveryId: string, index: number): string {
  return uuidv5(webhookId, `${deliveryId}:${index}`);
}
