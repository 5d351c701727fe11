/**
 * Tamper-proof page tokens: base64 of an HMAC-SHA-256 tag followed by the JSON it signs, keyed
 * from the admin token. A token that does not verify reads as `undefined`, never as a query.
 */

import { base64ToBytes, bytesToBase64 } from '../lib/base64';
import { deriveHmacKey } from '../lib/secrets';

const TAG_BYTES = 32;
const KEY_CONTEXT = 'hookgate page tokens';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface PageTokens {
  /** Signs `payload` (any JSON value) into URL-safe text once percent-encoded. */
  sign(payload: unknown): Promise<string>;
  /** The signed payload, or `undefined` for anything not signed by `sign` with this secret. */
  verify(token: string): Promise<unknown>;
}

/** Query strings turn an unencoded `+` into a space; base64 never holds spaces. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  return base64ToBytes(text.replaceAll(' ', '+'));
}

/** Page tokens signed with a key derived from `secret`. */
export function createPageTokens(secret: string): PageTokens {
  let key: Promise<CryptoKey> | undefined;
  const getKey = () => {
    key ??= deriveHmacKey(secret, KEY_CONTEXT);
    return key;
  };
  return {
    async sign(payload) {
      const body = encoder.encode(JSON.stringify(payload));
      const tag = new Uint8Array(await crypto.subtle.sign('HMAC', await getKey(), body));
      const token = new Uint8Array(TAG_BYTES + body.length);
      token.set(tag);
      token.set(body, TAG_BYTES);
      return bytesToBase64(token);
    },
    async verify(token) {
      const bytes = fromBase64(token);
      if (!bytes || bytes.length <= TAG_BYTES) return undefined;
      const body = bytes.subarray(TAG_BYTES);
      // `verify` compares in constant time.
      if (!(await crypto.subtle.verify('HMAC', await getKey(), bytes.subarray(0, TAG_BYTES), body))) return undefined;
      try {
        return JSON.parse(decoder.decode(body));
      } catch {
        return undefined;
      }
    },
  };
}
