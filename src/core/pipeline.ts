/**
 * The receiving pipeline (DESIGN §4.1), composed of its stages:
 * receive → verify → parse → map → validate → store. Only composition lives here.
 */

import { MappingError } from '../lib/errors';
import { formatTimestamp } from '../lib/time';
import type { Event } from '../schemas/event';
import type { Webhook } from '../schemas/webhook';
import type { EventStore } from '../store/types';
import { buildContext, type ContextParts, type RequestContext } from './context';
import { selectDeliveryId } from './delivery-id';
import { failureEvent } from './failure';
import { answerHandshake, answerUnsigned, learnSecret, preflight } from './handshake';
import { keepLearnedSecret, type SaveWebhook } from './handshake/keep';
import { type MapperDeps, mapRequest } from './map';
import type { RateLimiter } from './rate-limit';
import { type ReceivedRequest, receive } from './receive';
import { finalizeEvents } from './validate';
import { acceptedByHandshake, type VerifiedRequest, verify } from './verify';
import type { CertificateSource } from './verify/certificates';
import type { HmacFn } from './verify/crypto';

export interface PipelineDeps extends MapperDeps {
  store: EventStore;
  maxBodyBytes: number;
  now: () => number;
  /** `HOOKGATE_PUBLIC_URL`, for schemes that sign the URL the sender called (Twilio). */
  publicUrl?: string;
  /** A faster HMAC than Web Crypto's, where the runtime has one (Node). */
  hmac?: HmacFn;
  /** Per-webhook rate limits, taken after verification (unsigned requests cannot drain them). */
  rateLimiter?: RateLimiter;
  /** Signing certificates for certificate-based schemes (Amazon SNS); they fail closed without. */
  certificates?: CertificateSource;
  /** Replaces a stored webhook: keeps a secret a handshake hands over (Asana, Notion). */
  saveWebhook?: SaveWebhook;
}

export type Translation =
  | { ok: true; events: Event[] }
  /** The request cannot be mapped: the error for the sender, the event that records it. */
  | { ok: false; error: MappingError; failure: Event };

export interface TranslateOptions {
  /** The delivery id when `idFrom` finds none (a replay fixes ids this way). */
  fallbackDeliveryId?: string;
}

/** Parse → map → validate: the events a verified request becomes, or why it cannot. */
export function translate(
  webhook: Webhook,
  request: VerifiedRequest,
  deps: MapperDeps,
  { context, parsed }: ContextParts = buildContext(request, webhook),
  options: TranslateOptions = {},
): Translation {
  const deliveryId = selectDeliveryId(webhook.idFrom, context) ?? options.fallbackDeliveryId;
  let rendered: (() => string) | undefined;
  try {
    const result = mapRequest(webhook.mapping, { webhook, request, context, parsed }, deps);
    rendered = result.rendered;
    const events = finalizeEvents(result.candidates, {
      webhook,
      context,
      receivedAt: request.receivedAt,
      deliveryId,
      fanOut: result.fanOut,
    });
    return { ok: true, events };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    error.rendered ??= rendered?.();
    return { ok: false, error, failure: failureEvent({ webhook, context, error, receivedAt: request.receivedAt, deliveryId }) };
  }
}

function verifyReceived(webhook: Webhook, received: ReceivedRequest, deps: PipelineDeps): Promise<VerifiedRequest> {
  return verify(webhook.verify, received, { publicUrl: deps.publicUrl, hmac: deps.hmac, certificates: deps.certificates });
}

/**
 * Received and verified; or the answer of a handshake made on the received bytes (an unsigned
 * ping, a secret handed over), or the verified request a secret-handing handshake vouches for.
 */
async function receiveAndVerify(
  webhook: Webhook,
  request: Request,
  deps: PipelineDeps,
): Promise<{ webhook: Webhook; verified: VerifiedRequest } | Response> {
  const received = await receive(request, deps.maxBodyBytes, deps.now());
  const unsigned = answerUnsigned(webhook, received);
  if (unsigned) return unsigned;
  const learned = learnSecret(webhook, received);
  if (!learned) return { webhook, verified: await verifyReceived(webhook, received, deps) };
  const kept = await keepLearnedSecret(webhook, learned, formatTimestamp(received.receivedAt * 1000), deps.saveWebhook);
  return learned.response ?? { webhook: kept, verified: acceptedByHandshake(received) };
}

export type HookOutcome =
  /** Every event was committed; the context renders the webhook's success response, if any. */
  | { kind: 'stored'; events: Event[]; context: RequestContext }
  /** A handshake answered the request; nothing was stored. */
  | { kind: 'answered'; response: Response };

/**
 * Handles one webhook request end to end. Resolves once the events are committed; a request
 * that cannot be mapped is committed as a failure event, then its error is thrown (400).
 */
export async function handleHook(saved: Webhook, request: Request, deps: PipelineDeps): Promise<HookOutcome> {
  const early = preflight(saved, request);
  if (early) return { kind: 'answered', response: early };
  const outcome = await receiveAndVerify(saved, request, deps);
  if (outcome instanceof Response) return { kind: 'answered', response: outcome };
  const { webhook, verified } = outcome;
  if (webhook.rateLimit) deps.rateLimiter?.take(webhook.id, webhook.rateLimit);
  const parts = buildContext(verified, webhook);
  const answer = await answerHandshake(webhook, verified, parts.context);
  if (answer) return { kind: 'answered', response: answer };
  const translation = translate(webhook, verified, deps, parts);
  if (!translation.ok) {
    await deps.store.writeEvents([translation.failure]);
    translation.error.failureEvent = translation.failure.id;
    throw translation.error;
  }
  await deps.store.writeEvents(translation.events);
  return { kind: 'stored', events: translation.events, context: parts.context };
}
