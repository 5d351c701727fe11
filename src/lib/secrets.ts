/** Secret comparison in constant time, on Web Crypto so it runs the same on Node and Workers. */

import { bytesToBase64Url } from './base64';

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Byte arrays of the same length compared without an early exit. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * True when `given` equals `expected`. Both are hashed first, so the comparison takes the same
 * time whatever the lengths and wherever they differ.
 */
export async function secretEquals(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return bytesEqual(a, b);
}

/** `bytes` random bytes as base64url text (no padding): slugs, tokens. */
export function randomToken(bytes: number): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * An HMAC-SHA-256 key for one purpose, derived from `secret` (the admin token) and a `context`
 * label: page tokens and UI sessions each get their own, and all change with the admin token.
 */
export async function deriveHmacKey(secret: string, context: string): Promise<CryptoKey> {
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const master = await crypto.subtle.importKey('raw', encoder.encode(secret), hmac, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', master, encoder.encode(context));
  return crypto.subtle.importKey('raw', derived, hmac, false, ['sign', 'verify']);
}
