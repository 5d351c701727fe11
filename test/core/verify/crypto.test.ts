/**
 * Web Crypto HMAC with the app's key cache: the same answers as the uncached one, each key imported
 * once per app (not per request), at most `size` kept, and one app's keys not seen by another's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebCryptoHmac, hmac } from '../../../src/core/verify/crypto';

const data = new TextEncoder().encode('{"hello": "wörld"}');

afterEach(() => vi.restoreAllMocks());

describe('createWebCryptoHmac', () => {
  it('equals the uncached HMAC for text and byte keys', async () => {
    const cached = createWebCryptoHmac();
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      for (const key of ['secret', new Uint8Array([0, 1, 2, 250, 255])]) {
        expect(await cached(algorithm, key, data)).toEqual(await hmac(algorithm, key, data));
      }
    }
  });

  it('imports a key once per app, keeps at most `size`, and shares nothing between apps', async () => {
    const imports = vi.spyOn(crypto.subtle, 'importKey');
    const app = createWebCryptoHmac(2);
    await app('sha256', 'a', data);
    await app('sha256', 'a', data);
    expect(imports).toHaveBeenCalledTimes(1);
    await app('sha256', 'b', data);
    await app('sha256', 'c', data); // 'a' is the least recently used: it goes
    await app('sha256', 'c', data);
    expect(imports).toHaveBeenCalledTimes(3);
    await app('sha256', 'a', data);
    expect(imports).toHaveBeenCalledTimes(4);
    await createWebCryptoHmac(2)('sha256', 'c', data); // another app: its own cache
    expect(imports).toHaveBeenCalledTimes(5);
  });
});
