/**
 * HMAC on node:crypto for the Node entry: synchronous and several times faster than Web Crypto's
 * (which Node runs as a thread-pool job). Verification logic stays in src/core; only this primitive differs.
 */
import { createHmac } from 'node:crypto';
import type { HmacFn } from '../../core/verify/crypto';

export const nodeHmac: HmacFn = (algorithm, key, data) => createHmac(algorithm, key).update(data).digest();
