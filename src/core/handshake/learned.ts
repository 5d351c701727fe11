/**
 * Handshakes in which the sender hands over the webhook's secret, for webhooks that declare them.
 * The pipeline keeps it only while the webhook has none (switch the scheme away and back to take a
 * new one), so a later request cannot replace it.
 * - Asana: the first request carries `X-Hook-Secret`; answered 200 with the same header, empty.
 * - Notion: the first request is an unsigned `{"verification_token": …}`; the token is the signing
 *   secret and must also be pasted into Notion, so the request goes on as the first delivery (the
 *   preset maps it to `notion.verification`, whose payload shows the token to the user).
 * @see https://developers.asana.com/docs/webhooks-guide#the-webhook-handshake
 * @see https://developers.notion.com/reference/webhooks#step-2-verifying-the-subscription
 */
import { isJsonObject } from '../../schemas/json';
import type { ReceivedRequest } from '../receive';
import { declares } from './challenges';
import type { Handshake } from './types';

/** Secrets are at most this long (the schema's limit). */
const MAX_SECRET_CHARS = 1024;

function usable(secret: unknown): secret is string {
  return typeof secret === 'string' && secret.trim() !== '' && secret.length <= MAX_SECRET_CHARS;
}

export const asanaHookSecret: Handshake = {
  name: 'asana-hook-secret',
  learn(webhook, request) {
    if (!declares(webhook, 'asana-hook-secret') || request.headers.has('x-hook-signature')) return undefined;
    const secret = request.headers.get('x-hook-secret');
    if (!usable(secret)) return undefined;
    return { secret, response: new Response(null, { status: 200, headers: { 'X-Hook-Secret': secret } }) };
  },
};

function verificationToken(request: ReceivedRequest): unknown {
  if (request.body.length === 0 || request.body.length > 4096) return undefined;
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(request.body));
    return isJsonObject(body) && Object.keys(body).length === 1 ? body.verification_token : undefined;
  } catch {
    return undefined;
  }
}

export const notionVerification: Handshake = {
  name: 'notion-verification',
  learn(webhook, request) {
    if (!declares(webhook, 'notion-verification') || request.headers.has('x-notion-signature')) return undefined;
    const token = verificationToken(request);
    return usable(token) ? { secret: token } : undefined;
  },
};
