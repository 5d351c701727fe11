/**
 * Base64 (RFC 4648 §4) and base64url (§5) on Web APIs only (`btoa`, `atob`), the one
 * implementation every part of hookgate uses. Decoding is strict: text that is not in the
 * alphabet gives `undefined`; padding is optional.
 * @see https://www.rfc-editor.org/rfc/rfc4648
 */

/** `btoa` takes a binary string; build it in chunks so large inputs do not overflow the call stack. */
const CHUNK_BYTES = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK_BYTES));
  return btoa(binary);
}

/** base64url without padding (URL- and cookie-safe). */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  const binary = atob(bare.padEnd(Math.ceil(bare.length / 4) * 4, '='));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  return base64ToBytes(text.replace(/-/g, '+').replace(/_/g, '/'));
}
