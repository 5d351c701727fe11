/** The small pieces verifiers share, and the save-time rules of the `verify` schema. */
import { describe, expect, it } from 'vitest';
import { sha256Hex, signTwilio } from '../../../src/cli/signers';
import { PresetVerify } from '../../../src/core/presets/preset';
import type { ReceivedRequest } from '../../../src/core/receive';
import { verify } from '../../../src/core/verify';
import { decodeSignature } from '../../../src/core/verify/encoding';
import { signedContent } from '../../../src/core/verify/hmac';
import { anySignatureMatches } from '../../../src/core/verify/match';
import { checkTimestamp } from '../../../src/core/verify/timestamp';
import { portVariants, sortedParams, twilioUrl } from '../../../src/core/verify/twilio';
import { Verify } from '../../../src/schemas/verify';

const bytes = (text: string) => new TextEncoder().encode(text);

function request(init: { url?: string; headers?: Record<string, string>; body?: string; at?: number }): ReceivedRequest {
  return {
    method: 'POST',
    url: new URL(init.url ?? 'http://127.0.0.1:8787/hooks/abc'),
    headers: new Headers(init.headers),
    body: bytes(init.body ?? ''),
    receivedAt: init.at ?? 1_000_000_000_000,
  };
}

describe('decodeSignature', () => {
  it.each([
    ['hex', 'c0ffee', [0xc0, 0xff, 0xee]],
    ['hex', 'C0FFEE', [0xc0, 0xff, 0xee]],
    ['base64', 'wP/u', [0xc0, 0xff, 0xee]],
    ['base64url', 'wP_u', [0xc0, 0xff, 0xee]],
  ] as const)('%s %s', (encoding, text, expected) => {
    expect([...(decodeSignature(text, encoding) ?? [])]).toEqual(expected);
  });

  it.each([
    ['hex', 'xyz1'],
    ['hex', 'abc'],
    ['base64', 'wP_u'],
    ['base64', 'a'],
    ['base64url', 'wP/u'],
  ] as const)('refuses %s %s', (encoding, text) => {
    expect(decodeSignature(text, encoding)).toBeUndefined();
  });
});

describe('anySignatureMatches', () => {
  const sign = async (secret: string, content: string) => bytes(`${secret}:${content}`);
  it('is true when any signature matches any secret over any content, false otherwise', async () => {
    expect(await anySignatureMatches(['a', 'b'], ['x'], sign, [bytes('nope'), bytes('b:x')])).toBe(true);
    expect(await anySignatureMatches(['a'], ['x', 'y'], sign, [bytes('a:y')])).toBe(true);
    expect(await anySignatureMatches(['a', 'b'], ['x'], sign, [undefined, bytes('c:x')])).toBe(false);
    expect(await anySignatureMatches(['a'], ['x'], sign, [])).toBe(false);
  });
});

describe('signedContent (the generic hmac recipe)', () => {
  it('joins literal text, header values and the raw body bytes', () => {
    const content = signedContent('v0:{header:X-Ts}:{body}', { headers: new Headers({ 'x-ts': '12' }), body: bytes('é{}') });
    expect(new TextDecoder().decode(content)).toBe('v0:12:é{}');
  });

  it('is signature-missing when a header it names is absent', () => {
    expect(() => signedContent('{header:x-ts}.{body}', { headers: new Headers(), body: bytes('') })).toThrow(
      expect.objectContaining({ code: 'signature-missing', detail: 'the request has no x-ts header' }),
    );
  });
});

describe('checkTimestamp', () => {
  const now = 1_000_000_000_000;
  it.each([
    ['1000000000', true],
    ['1000000300', true],
    ['999999700', true],
    ['1000000301', false],
    ['999999699', false],
    ['1000000000.5', false],
    ['-1000000000', false],
    ['hello', false],
  ])('%s → %s', (text, ok) => {
    const check = () => checkTimestamp(text, 'the timestamp', now, 300);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'timestamp-out-of-tolerance', status: 401 }));
  });
});

describe('Twilio URL rules', () => {
  it('uses the configured URL, else HOOKGATE_PUBLIC_URL + path + query, else the request URL', () => {
    const url = new URL('http://10.0.0.5:8787/hooks/abc?x=1');
    expect(twilioUrl('https://example.com/twilio', 'https://hooks.example.com', url)).toBe('https://example.com/twilio?x=1');
    expect(twilioUrl(undefined, 'https://hooks.example.com/', url)).toBe('https://hooks.example.com/hooks/abc?x=1');
    expect(twilioUrl(undefined, undefined, url)).toBe('http://10.0.0.5:8787/hooks/abc?x=1');
  });

  it('tries the URL without its port and with the default port', () => {
    expect(portVariants('https://a.example/x?y=1')).toEqual(['https://a.example/x?y=1', 'https://a.example:443/x?y=1']);
    expect(portVariants('http://a.example:1234/x')).toEqual(['http://a.example/x', 'http://a.example:1234/x']);
    expect(portVariants('https://[::1]/x')).toEqual(['https://[::1]/x', 'https://[::1]:443/x']);
  });

  it('sorts parameters by name, then value', () => {
    expect(sortedParams(new URLSearchParams('b=2&a=z&a=y&c='))).toBe('ayazb2c');
  });

  it('checks the bodySHA256 of a JSON body as well as the signature of the URL', async () => {
    const body = '{"property": "value"}';
    const url = `https://hooks.example.com/hooks/abc?bodySHA256=${sha256Hex(body)}`;
    const settings = Verify.parse({ scheme: 'twilio', secrets: ['token-12345'] });
    const headers = { 'content-type': 'application/json', ...signTwilio('token-12345', url) };
    const options = { publicUrl: 'https://hooks.example.com' };
    // Received behind a proxy: the local URL differs, the public one is what Twilio signed.
    const local = `http://127.0.0.1/hooks/abc${url.slice(url.indexOf('?'))}`;
    await expect(verify(settings, request({ url: local, headers, body }), options)).resolves.toBeDefined();
    const tampered = request({ url: local, headers, body: '{"property": "other"}' });
    await expect(verify(settings, tampered, options)).rejects.toMatchObject({ code: 'signature-mismatch' });
  });
});

describe('verify settings are checked when the webhook is saved (fail closed)', () => {
  it.each([
    ['an unknown scheme', { scheme: 'hope' }, 'scheme'],
    ['a signing scheme without secrets', { scheme: 'github' }, 'secrets'],
    ['an empty secret list', { scheme: 'stripe', secrets: [] }, 'secrets'],
    ['standard-webhooks without secrets or keys', { scheme: 'standard-webhooks' }, 'secrets'],
    ['a standard-webhooks secret that is not base64', { scheme: 'standard-webhooks', secrets: ['whsec_%%%'] }, 'secrets.0'],
    ['a public key of the wrong size', { scheme: 'standard-webhooks', publicKeys: ['whpk_AAAA'] }, 'publicKeys.0'],
    ['discord without public keys', { scheme: 'discord' }, 'publicKeys'],
    ['a discord key that is not hex', { scheme: 'discord', publicKeys: ['zz'] }, 'publicKeys.0'],
    ['an hmac scheme without header', { scheme: 'hmac', secrets: ['s'] }, 'header'],
    ['an hmac header that is not a header name', { scheme: 'hmac', secrets: ['s'], header: 'bad header' }, 'header'],
    ['an unknown hmac algorithm', { scheme: 'hmac', secrets: ['s'], header: 'x-sig', algorithm: 'md5' }, 'algorithm'],
    [
      'a recipe with an unknown placeholder',
      { scheme: 'hmac', secrets: ['s'], header: 'x', signedContent: '{query}' },
      'signedContent',
    ],
    ['a tolerance of zero', { scheme: 'slack', secrets: ['s'], toleranceSeconds: 0 }, 'toleranceSeconds'],
    ['a twilio URL with a query', { scheme: 'twilio', secrets: ['s'], url: 'https://a.example/x?y=1' }, 'url'],
    ['an option the scheme does not have', { scheme: 'github', secrets: ['s'], header: 'x' }, ''],
  ])('refuses %s', (_name, settings, path) => {
    const result = Verify.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('gives timestamped schemes a default tolerance of 300 s', () => {
    expect(Verify.parse({ scheme: 'slack', secrets: ['s'] })).toEqual({ scheme: 'slack', secrets: ['s'], toleranceSeconds: 300 });
  });

  it('never lets a preset hold secrets or keys', () => {
    expect(PresetVerify.safeParse({ scheme: 'github' }).success).toBe(true);
    expect(PresetVerify.safeParse({ scheme: 'github', secrets: ['s'] }).success).toBe(false);
    expect(PresetVerify.safeParse({ scheme: 'discord', publicKeys: ['a'.repeat(64)] }).success).toBe(false);
  });
});
