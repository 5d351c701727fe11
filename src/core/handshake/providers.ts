/**
 * Handshakes provider presets need, answered after verification and before mapping, storing
 * nothing, and only for webhooks that declare them (`handshakes`, usually set by the preset).
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

export const PROVIDER_HANDSHAKES: readonly Handshake[] = [slackUrlVerification, discordPing];
