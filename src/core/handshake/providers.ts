/**
 * Handshakes provider presets need, answered after verification and before mapping (or, for an
 * unsigned one, on the received bytes before verification), storing nothing, and only for webhooks
 * that declare them (`handshakes`, usually set by the preset).
 */
import { isJsonObject } from '../../schemas/json';
import { declares } from './challenges';
import type { Handshake } from './types';

/**
 * Slack's Events API checks a new Request URL with a signed `url_verification` request and
 * expects its `challenge` back.
 * @see https://api.slack.com/events/url_verification
 */
const slackUrlVerification: Handshake = {
  name: 'slack-url-verification',
  answer(webhook, _request, context) {
    if (!declares(webhook, 'slack-url-verification')) return undefined;
    const body = context.body;
    if (!isJsonObject(body) || body.type !== 'url_verification' || typeof body.challenge !== 'string') return undefined;
    return Response.json({ challenge: body.challenge });
  },
};

/**
 * Discord checks an endpoint with a signed PING: webhook events send `type: 0` and expect a 204;
 * interactions send `type: 1` (without an `event`) and expect `{"type": 1}` (PONG).
 * @see https://discord.com/developers/docs/events/webhook-events#responding-to-webhook-events
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#receiving-an-interaction
 */
const discordPing: Handshake = {
  name: 'discord-ping',
  answer(webhook, _request, context) {
    if (!declares(webhook, 'discord-ping')) return undefined;
    const body = context.body;
    if (!isJsonObject(body)) return undefined;
    if (body.type === 0) return new Response(null, { status: 204 });
    if (body.type === 1 && body.event === undefined) return Response.json({ type: 1 });
    return undefined;
  },
};

/** WooCommerce's creation ping: exactly `webhook_id=<digits>`, and nothing more. */
const WOOCOMMERCE_PING_BODY = /^webhook_id=\d{1,20}$/;
const WOOCOMMERCE_SIGNATURE = 'x-wc-webhook-signature';

/**
 * WooCommerce pings a new webhook's delivery URL with an unsigned form POST `webhook_id=<id>` and
 * keeps the webhook only on a 200. Answered 200, empty, storing nothing; any signed request (or any
 * other body) is a delivery and is verified as usual.
 * @see https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/includes/class-wc-webhook.php (deliver_ping)
 */
const wooCommercePing: Handshake = {
  name: 'woocommerce-ping',
  unsigned(webhook, request) {
    if (!declares(webhook, 'woocommerce-ping')) return undefined;
    if (request.method.toUpperCase() !== 'POST' || request.headers.has(WOOCOMMERCE_SIGNATURE)) return undefined;
    if (request.body.byteLength > 40) return undefined;
    const text = new TextDecoder().decode(request.body).trim();
    return WOOCOMMERCE_PING_BODY.test(text) ? new Response(null, { status: 200 }) : undefined;
  },
};

/**
 * Xero's "intent to receive": signed deliveries with no events; a good signature must get exactly a
 * 200 with an empty body (a bad one already gets 401 from verification).
 * @see https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/#intent-to-receive
 */
const xeroIntentToReceive: Handshake = {
  name: 'xero-intent-to-receive',
  answer(webhook, _request, context) {
    if (!declares(webhook, 'xero-intent-to-receive')) return undefined;
    const body = context.body;
    if (!isJsonObject(body) || !Array.isArray(body.events) || body.events.length !== 0) return undefined;
    return new Response(null, { status: 200 });
  },
};

export const PROVIDER_HANDSHAKES: readonly Handshake[] = [
  slackUrlVerification,
  discordPing,
  wooCommercePing,
  xeroIntentToReceive,
];
