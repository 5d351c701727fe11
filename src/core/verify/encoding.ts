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

/** The value of one hex digit's char code, or -1 (a loop, no regex or string slices per byte). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1; // a-f, A-F
}

export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = hexValue(text.charCodeAt(2 * i));
    const low = hexValue(text.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return undefined;
    bytes[i] = (high << 4) | low;
  }
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
