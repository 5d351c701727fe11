/**
 * HMAC and SHA-256 on Web Crypto only (`crypto.subtle`), so the same code runs on Node and Workers.
 * Imported keys are kept (a bounded number, least recently used out first): importing a key costs
 * as much as the HMAC itself, and a webhook's secrets serve every request.
 * @see https://www.w3.org/TR/WebCryptoAPI/#hmac
 */
import type { HmacAlgorithm } from '../../schemas/verify';

const HASH: Record<HmacAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };
export const KEY_CACHE_SIZE = 256;

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function cacheKey(algorithm: HmacAlgorithm, key: Uint8Array | string): string {
  if (typeof key === 'string') return `${algorithm}:s:${key}`;
  let hex = '';
  for (const byte of key) hex += byte.toString(16).padStart(2, '0');
  return `${algorithm}:b:${hex}`;
}

function importHmacKey(algorithm: HmacAlgorithm, key: Uint8Array | string): Promise<CryptoKey> {
  const id = cacheKey(algorithm, key);
  let imported = keys.get(id);
  if (imported) {
    keys.delete(id);
  } else {
    const raw = typeof key === 'string' ? encoder.encode(key) : key;
    imported = crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: HASH[algorithm] }, false, ['sign']);
    if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value as string);
  }
  keys.set(id, imported);
  return imported;
}

/** An HMAC implementation: Web Crypto by default; a runtime may pass a faster synchronous one. */
export type HmacFn = (algorithm: HmacAlgorithm, key: Uint8Array | string, data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** HMAC of `data` under `key` (UTF-8 text or raw bytes). */
export async function hmac(algorithm: HmacAlgorithm, key: Uint8Array | string, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await importHmacKey(algorithm, key);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
}
