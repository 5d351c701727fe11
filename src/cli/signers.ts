/**
 * Signing as providers do, for `hookgate send` and for the tests: every scheme's signature
 * computed from a secret with node:crypto — an implementation independent of the Web Crypto
 * verifiers in src/core/verify. Headers are returned as a sender would send them.
 */
import { createHash, createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export const hmacHex = (algorithm: string, secret: string | Buffer, data: string | Buffer) =>
  createHmac(algorithm, secret).update(data).digest('hex');
export const hmacBase64 = (algorithm: string, secret: string | Buffer, data: string | Buffer) =>
  createHmac(algorithm, secret).update(data).digest('base64');

export type Signed = Record<string, string>;

export const signGithub = (secret: string, body: string): Signed => ({
  'x-hub-signature-256': `sha256=${hmacHex('sha256', secret, body)}`,
});
export const signShopify = (secret: string, body: string): Signed => ({
  'x-shopify-hmac-sha256': hmacBase64('sha256', secret, body),
});
export const signLinear = (secret: string, body: string): Signed => ({ 'linear-signature': hmacHex('sha256', secret, body) });
export const signSentry = (secret: string, body: string): Signed => ({
  'sentry-hook-signature': hmacHex('sha256', secret, body),
});
/** PagerDuty: one `v1=` per secret, comma-separated (as during a rotation). */
export const signPagerduty = (secrets: string[], body: string): Signed => ({
  'x-pagerduty-signature': secrets.map((secret) => `v1=${hmacHex('sha256', secret, body)}`).join(','),
});
export const signSlack = (secret: string, body: string, timestamp: number): Signed => ({
  'x-slack-request-timestamp': String(timestamp),
  'x-slack-signature': `v0=${hmacHex('sha256', secret, `v0:${timestamp}:${body}`)}`,
});
/** Stripe: `t=…` then one `v1=` per secret. */
export const signStripe = (secrets: string[], body: string, timestamp: number): Signed => ({
  'stripe-signature': [
    `t=${timestamp}`,
    ...secrets.map((secret) => `v1=${hmacHex('sha256', secret, `${timestamp}.${body}`)}`),
  ].join(','),
});

/** A `whsec_` secret's key bytes. */
export const whsecKey = (secret: string) => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

export function signStandard(
  secrets: string[],
  id: string,
  timestamp: number | string,
  body: string,
  keys: KeyObject[] = [],
): Signed {
  const content = `${id}.${timestamp}.${body}`;
  const entries = [
    ...secrets.map((secret) => `v1,${hmacBase64('sha256', whsecKey(secret), content)}`),
    ...keys.map((key) => `v1a,${sign(null, Buffer.from(content), key).toString('base64')}`),
  ];
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': entries.join(' ') };
}

/** Twilio: base64 HMAC-SHA1 of the URL plus the sorted form parameters. */
export function signTwilio(token: string, url: string, params: [string, string][] = []): Signed {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  const data = url + sorted.map(([key, value]) => `${key}${value}`).join('');
  return { 'x-twilio-signature': hmacBase64('sha1', token, data) };
}

export const sha256Hex = (body: string) => createHash('sha256').update(body).digest('hex');

export interface Ed25519Pair {
  privateKey: KeyObject;
  /** The raw 32-byte public key. */
  raw: Buffer;
}

export function ed25519Pair(): Ed25519Pair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return { privateKey, raw: Buffer.from(jwk.x, 'base64url') };
}

export const signDiscord = (key: KeyObject, body: string, timestamp: number): Signed => ({
  'x-signature-timestamp': String(timestamp),
  'x-signature-ed25519': sign(null, Buffer.from(`${timestamp}${body}`), key).toString('hex'),
});
