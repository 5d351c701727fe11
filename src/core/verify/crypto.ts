/**
 * HMAC and SHA-256 on Web Crypto only (`crypto.subtle`), so the same code runs on Node and Workers.
 * An app keeps its imported keys (`createWebCryptoHmac`, a bounded number, least recently used out
 * first): importing a key costs as much as the HMAC itself, and a webhook's secrets serve every request.
 * @see https://www.w3.org/TR/WebCryptoAPI/#hmac
 */
import { createLru } from '../../lib/lru';
import type { HmacAlgorithm } from '../../schemas/verify';

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

/** An HMAC implementation: Web Crypto by default; a runtime may pass a faster synchronous one. */
export type HmacFn = (algorithm: HmacAlgorithm, key: Uint8Array | string, data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** HMAC of `data` under `key` (UTF-8 text or raw bytes), importing the key each time: for one-off use. */
export const hmac: HmacFn = async (algorithm, key, data) =>
  new Uint8Array(await crypto.subtle.sign('HMAC', await importHmacKey(algorithm, key), data as BufferSource));

/**
 * Web Crypto HMAC with its imported keys kept (at most `size`, least recently used out first), for
 * one app's verifications: the cache belongs to the app's deps, never to the module, so secrets are
 * held only as long as the app that uses them.
 */
export function createWebCryptoHmac(size = KEY_CACHE_SIZE): HmacFn {
  const remember = createLru<Promise<CryptoKey>>(size);
  return async (algorithm, key, data) => {
    const imported = remember(cacheKey(algorithm, key), () => importHmacKey(algorithm, key));
    return new Uint8Array(await crypto.subtle.sign('HMAC', await imported, data as BufferSource));
  };
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
}
