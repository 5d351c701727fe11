/**
 * Endpoint checks of providers with timestamped HMAC signatures, answered after verification
 * (both checks arrive signed like any delivery) and only for webhooks that declare them.
 */
import { isJsonObject } from '../../schemas/json';
import type { Webhook } from '../../schemas/webhook';
import type { VerifiedRequest } from '../verify';
import { hmac } from '../verify/crypto';
import { toHex, utf8 } from '../verify/encoding';
import { verifyHmac } from '../verify/hmac';
import { declares } from './challenges';
import type { Handshake } from './types';

/**
 * The secret that signed `request`: with several (rotation), the one the sender used, so the
 * answer is computed with the secret the provider holds. `undefined` without `hmac` secrets.
 */
async function signingSecret(webhook: Webhook, request: VerifiedRequest): Promise<string | undefined> {
  const settings = webhook.verify;
  if (settings.scheme !== 'hmac') return undefined;
  for (const secret of settings.secrets) {
    try {
      await verifyHmac(settings, { secrets: [secret], toleranceSeconds: settings.toleranceSeconds }, request);
      return secret;
    } catch {
      // Not this one: the next secret signed it.
    }
  }
  // A dry run without verification: the first (current) secret.
  return settings.secrets[0];
}

/**
 * Zoom validates an endpoint (when it is saved, then every 72 hours) with a signed
 * `endpoint.url_validation` event and expects `{plainToken, encryptedToken}` back, the latter the
 * hex HMAC-SHA256 of `plainToken` under the webhook's secret token.
 * @see https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint
 */
const zoomUrlValidation: Handshake = {
  name: 'zoom-url-validation',
  async answer(webhook, request, context) {
    if (!declares(webhook, 'zoom-url-validation')) return undefined;
    const body = context.body;
    if (!isJsonObject(body) || body.event !== 'endpoint.url_validation' || !isJsonObject(body.payload)) return undefined;
    const plainToken = body.payload.plainToken;
    if (typeof plainToken !== 'string' || plainToken === '') return undefined;
    const secret = await signingSecret(webhook, request);
    if (secret === undefined) return undefined;
    const encryptedToken = toHex(await hmac('sha256', secret, utf8(plainToken)));
    return Response.json({ plainToken, encryptedToken });
  },
};

/**
 * Twitch EventSub confirms a new subscription with a signed `webhook_callback_verification`
 * message and expects its `challenge` back as the whole body, as plain text, with a 200.
 * @see https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request
 */
const twitchCallbackVerification: Handshake = {
  name: 'twitch-callback-verification',
  answer(webhook, request, context) {
    if (!declares(webhook, 'twitch-callback-verification')) return undefined;
    if (request.headers.get('twitch-eventsub-message-type') !== 'webhook_callback_verification') return undefined;
    const body = context.body;
    if (!isJsonObject(body) || typeof body.challenge !== 'string') return undefined;
    return new Response(body.challenge, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  },
};

export const TIMESTAMPED_HANDSHAKES: readonly Handshake[] = [zoomUrlValidation, twitchCallbackVerification];
