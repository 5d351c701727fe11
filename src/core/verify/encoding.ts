/**
 * Bytes and the text encodings signatures travel in (hex, base64, base64url). Decoding is strict:
 * text that is not in the encoding gives `undefined`, which verifiers treat as a non-matching signature.
 */

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Standard base64, padding optional (as Standard Webhooks secrets are sometimes given). */
export { base64ToBytes as fromBase64, base64UrlToBytes as fromBase64Url, bytesToBase64 as toBase64 } from '../../lib/base64';

import { base64ToBytes, base64UrlToBytes } from '../../lib/base64';

export type Encoding = 'hex' | 'base64' | 'base64url';

/** A signature as bytes, or `undefined` when the text is not in `encoding`. */
export function decodeSignature(text: string, encoding: Encoding): Uint8Array | undefined {
  const trimmed = text.trim();
  if (encoding === 'hex') return fromHex(trimmed);
  if (encoding === 'base64') return base64ToBytes(trimmed);
  return base64UrlToBytes(trimmed);
}
