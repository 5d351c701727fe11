/**
 * HMAC on node:crypto for the Node entry: synchronous and several times faster than Web Crypto's
 * (which Node runs as a thread-pool job), and it hashes the signed pieces in order with `update()`
 * instead of joining them into a copy. Verification logic stays in src/core; only this primitive differs.
 * @see https://nodejs.org/api/crypto.html#class-hmac
 */
import { createHmac } from 'node:crypto';
import type { HmacFn } from '../../core/verify/crypto';

export const nodeHmac: HmacFn = (algorithm, key, data) => {
  const mac = createHmac(algorithm, key);
  if (data instanceof Uint8Array) mac.update(data);
  else for (const piece of data) mac.update(piece);
  return mac.digest();
};
