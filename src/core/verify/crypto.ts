/**
 * HMAC and SHA-256 on Web Crypto only (`crypto.subtle`), so the same code runs on Node and Workers.
 * @see https://www.w3.org/TR/WebCryptoAPI/#hmac
 */
import type { HmacAlgorithm } from '../../schemas/verify';

const HASH: Record<HmacAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

/** HMAC of `data` under `key` (UTF-8 text or raw bytes). */
export async function hmac(algorithm: HmacAlgorithm, key: Uint8Array | string, data: Uint8Array): Promise<Uint8Array> {
  const raw = typeof key === 'string' ? new TextEncoder().encode(key) : key;
  const cryptoKey = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: HASH[algorithm] }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
}
