/**
 * Signing as issue 19's providers do, for `hookgate send --sign` and the tests (node:crypto, an
 * implementation independent of the Web Crypto verifiers): the headers a sender adds to `body`.
 * Mailgun signs inside the body, so it gives the body to send instead.
 * @see src/core/verify/recipes.ts, jws.ts, ecdsa.ts for what each provider signs
 */
import { createHash, createHmac, createSign, type KeyObject, randomBytes } from 'node:crypto';
import { hmacHex, type Signed } from './signers';

/** Microsoft Teams outgoing webhooks: the key is the base64-decoded security token. */
export const signTeams = (secret: string, body: string): Signed => ({
  authorization: `HMAC ${createHmac('sha256', Buffer.from(secret, 'base64')).update(body).digest('base64')}`,
});
export const signDropbox = (secret: string, body: string): Signed => ({ 'x-dropbox-signature': hmacHex('sha256', secret, body) });
export const signAsana = (secret: string, body: string): Signed => ({ 'x-hook-signature': hmacHex('sha256', secret, body) });
export const signNotion = (secret: string, body: string): Signed => ({
  'x-notion-signature': `sha256=${hmacHex('sha256', secret, body)}`,
});

/** Netlify: an HS256 JWS whose claims hold the issuer and the body's SHA-256. */
export function signNetlify(secret: string, body: string): Signed {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const claims = Buffer.from(JSON.stringify({ iss: 'netlify', sha256 })).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${head}.${claims}`).digest('base64url');
  return { 'x-webhook-signature': `${head}.${claims}.${signature}` };
}

/** SendGrid: ECDSA P-256 / SHA-256 of `<timestamp><body>`, base64 DER. */
export const signSendgrid = (privateKey: KeyObject, body: string, timestamp: number): Signed => ({
  'x-twilio-email-event-webhook-signature': createSign('sha256')
    .update(`${timestamp}${body}`)
    .sign(privateKey)
    .toString('base64'),
  'x-twilio-email-event-webhook-timestamp': String(timestamp),
});

/** Mailgun: the JSON body with a fresh `signature` {timestamp, token, signature} signed at `timestamp`. */
export function signMailgunBody(secret: string, body: string, timestamp: number): string {
  const token = randomBytes(25).toString('hex');
  const parsed = JSON.parse(body) as Record<string, unknown>;
  parsed.signature = { timestamp: String(timestamp), token, signature: hmacHex('sha256', secret, `${timestamp}${token}`) };
  return JSON.stringify(parsed);
}
