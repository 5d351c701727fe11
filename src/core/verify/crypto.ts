/**
 * HMAC and SHA-256 on Web Crypto only (`crypto.subtle`), so the same code runs on Node and Workers.
 * An app keeps its imported keys (`createWebCryptoHmac`, a bounded number, least recently used out
 * first): importing a key costs as much as the HMAC itself, and a webhook's secrets serve every request.
 * @see https://www.w3.org/TR/WebCryptoAPI/#hmac
 */
import { createLru } from '../../lib/lru';
import type { HmacAlgorithm } from '../../schemas/verify';
import { concatBytes } from './encoding';

const HASH: Record<HmacAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };
export const KEY_CACHE_SIZE = 256;

const encoder = new TextEncoder();

function cacheKey(algorithm: HmacAlgorithm, key: Uint8Array | string): string {
  if (typeof key === 'string') return `${algorithm}:s:${key}`;
  let hex = '';
  for (const byte of key) hex += byte.toString(16).padStart(2, '0');
  return `${algorithm}:b:${hex}`;
}

function importHmacKey(algorithm: HmacAlgorithm, key: Uint8Array | string): Promise<CryptoKey> {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  return crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: HASH[algorithm] }, false, ['sign']);
}

/**
 * What an HMAC signs: bytes, or pieces hashed in order as if joined (`<t>.` then the body), so a
 * synchronous HMAC never copies the body to join it.
 */
export type SignedData = Uint8Array | readonly Uint8Array[];

/**
 * An HMAC implementation: Web Crypto by default; a runtime may pass a faster synchronous one
 * (node:crypto's), and verifiers then finish without a promise (`match.ts`).
 */
export type HmacFn = (algorithm: HmacAlgorithm, key: Uint8Array | string, data: SignedData) => Promise<Uint8Array> | Uint8Array;

/** The pieces as one byte array (Web Crypto signs one buffer); a single piece is returned as it is. */
export function joinSigned(data: SignedData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data.length === 1 && data[0]) return data[0];
  return concatBytes(...data);
}

/** HMAC of `data` under `key` (UTF-8 text or raw bytes), importing the key each time: for one-off use. */
export const hmac: HmacFn = async (algorithm, key, data) =>
  new Uint8Array(await crypto.subtle.sign('HMAC', await importHmacKey(algorithm, key), joinSigned(data) as BufferSource));

/**
 * Web Crypto HMAC with its imported keys kept (at most `size`, least recently used out first), for
 * one app's verifications: the cache belongs to the app's deps, never to the module, so secrets are
 * held only as long as the app that uses them.
 */
export function createWebCryptoHmac(size = KEY_CACHE_SIZE): HmacFn {
  const remember = createLru<Promise<CryptoKey>>(size);
  return async (algorithm, key, data) => {
    const imported = remember(cacheKey(algorithm, key), () => importHmacKey(algorithm, key));
    return new Uint8Array(await crypto.subtle.sign('HMAC', await imported, joinSigned(data) as BufferSource));
  };
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
}
