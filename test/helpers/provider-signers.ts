/**
 * Signing requests the way issue 19's providers do, for tests (node:crypto, computed from a secret):
 * each takes the body to send and returns the headers (and, for Mailgun, the body) to send.
 */
import { createHash, createHmac, createSign, type KeyObject, randomBytes } from 'node:crypto';

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

const hmacHex = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest('hex');

export const signTeams = (secret: string, body: string): SignedRequest => ({
  headers: { authorization: `HMAC ${createHmac('sha256', Buffer.from(secret, 'base64')).update(body).digest('base64')}` },
  body,
});

export const signDropbox = (secret: string, body: string): SignedRequest => ({
  headers: { 'x-dropbox-signature': hmacHex(secret, body) },
  body,
});

export const signAsana = (secret: string, body: string): SignedRequest => ({
  headers: { 'x-hook-signature': hmacHex(secret, body) },
  body,
});

export const signNotion = (secret: string, body: string): SignedRequest => ({
  headers: { 'x-notion-signature': `sha256=${hmacHex(secret, body)}` },
  body,
});

/** Replaces the body's `signature` with a fresh one signed at `at` (seconds). */
export function signMailgun(secret: string, body: string, at: number): SignedRequest {
  const token = randomBytes(25).toString('hex');
  const parsed = JSON.parse(body) as Record<string, unknown>;
  parsed.signature = { timestamp: String(at), token, signature: hmacHex(secret, `${at}${token}`) };
  return { headers: {}, body: JSON.stringify(parsed) };
}

export function signNetlify(secret: string, body: string): SignedRequest {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const claims = Buffer.from(JSON.stringify({ iss: 'netlify', sha256 })).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${head}.${claims}`).digest('base64url');
  return { headers: { 'x-webhook-signature': `${head}.${claims}.${signature}` }, body };
}

export function signSendgrid(privateKey: KeyObject, body: string, at: number): SignedRequest {
  return {
    headers: {
      'x-twilio-email-event-webhook-signature': createSign('sha256').update(`${at}${body}`).sign(privateKey).toString('base64'),
      'x-twilio-email-event-webhook-timestamp': String(at),
    },
    body,
  };
}
