/**
 * Endpoint checks that echo a challenge, for webhooks that declare them (`handshakes`):
 * - Dropbox: an unsigned `GET ?challenge=…`, echoed as `text/plain` with `X-Content-Type-Options:
 *   nosniff` (answered before verification: Dropbox cannot sign it).
 * - Okta event hooks: a one-time `GET` with `X-Okta-Verification-Challenge`, carrying the hook's
 *   shared secret like every delivery (answered after verification) with `{"verification": …}`.
 * @see https://www.dropbox.com/developers/reference/webhooks#documentation
 * @see https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request
 */
import type { HandshakeName, Webhook } from '../../schemas/webhook';
import type { Handshake } from './types';

/** Longest challenge echoed back; senders use short random strings. */
export const MAX_CHALLENGE_CHARS = 1024;

export function declares(webhook: Webhook, name: HandshakeName): boolean {
  return webhook.handshakes?.includes(name) ?? false;
}

function usable(challenge: string | null): challenge is string {
  return challenge !== null && challenge !== '' && challenge.length <= MAX_CHALLENGE_CHARS;
}

export const dropboxChallenge: Handshake = {
  name: 'dropbox-challenge',
  preflight(webhook, request) {
    if (!declares(webhook, 'dropbox-challenge') || request.method.toUpperCase() !== 'GET') return undefined;
    const challenge = new URL(request.url).searchParams.get('challenge');
    if (!usable(challenge)) return undefined;
    return new Response(challenge, {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    });
  },
};

export const oktaVerification: Handshake = {
  name: 'okta-verification',
  answer(webhook, request) {
    if (!declares(webhook, 'okta-verification') || request.method !== 'GET') return undefined;
    const challenge = request.headers.get('x-okta-verification-challenge');
    return usable(challenge) ? Response.json({ verification: challenge }) : undefined;
  },
};
