/**
 * Plain-language hints for the delivery log: what a refused or failed request means and what to
 * check, naming the provider and the header the sender used — never a secret or a signature.
 */
import type { Delivery } from '../../schemas/delivery';
import type { Webhook } from '../../schemas/webhook';
import { findPreset } from '../presets/catalog';

const SIGNATURE_HEADER = /sign|hmac|authorization|token|digest/;

function providerName(webhook: Pick<Webhook, 'preset' | 'verify'>): string {
  const preset = webhook.preset ? findPreset(webhook.preset) : undefined;
  return preset?.title ?? 'the sender';
}

function signatureHeaders(delivery: Delivery): string[] {
  return Object.keys(delivery.headers).filter((name) => SIGNATURE_HEADER.test(name));
}

function usedHeader(delivery: Delivery): string {
  const used = signatureHeaders(delivery);
  return used.length > 0 ? `; the sender used header ${used.join(', ')}` : '';
}

type HintFn = (delivery: Delivery, webhook: Pick<Webhook, 'preset' | 'verify'>) => string;

const HINTS: Record<string, HintFn> = {
  'signature-mismatch': (d, w) =>
    `The signature did not match: check that the secret in ${providerName(w)} equals the one saved here (scheme ${w.verify.scheme})${usedHeader(d)}.`,
  'signature-missing': (d, w) =>
    `The request carried no signature this webhook accepts (scheme ${w.verify.scheme}): set a signing secret in ${providerName(w)}'s webhook settings${usedHeader(d) || ', or choose the preset that matches the sender'}.`,
  'timestamp-out-of-tolerance': (_d, w) =>
    `The signed timestamp is too far from this server's clock (more than ${'toleranceSeconds' in w.verify ? w.verify.toleranceSeconds : 300} s): check the clocks, or whether the request was held up or replayed.`,
  'webhook-disabled': () => 'The webhook is disabled, so its URL answers 404: enable it to accept requests again.',
  'rate-limited': () => "The webhook's rate limit was exceeded: the sender was told to retry later (429 with Retry-After).",
  'payload-too-large': () =>
    'The body was larger than the limit (HOOKGATE_MAX_BODY_BYTES): the sender should send less, or raise the limit.',
  'store-unavailable': () =>
    'The event store could not commit: the sender was told to retry (503). Check disk space and the database.',
};

const FAILED_HINT =
  'The request was verified but the mapping could not turn it into events: the failure event holds the request and the error; fix the mapping, then replay.';

/** The hint for a record, or null when there is nothing to explain (stored, handshake). */
export function deliveryHint(delivery: Delivery, webhook: Pick<Webhook, 'preset' | 'verify'>): string | null {
  if (delivery.outcome === 'failed') return FAILED_HINT;
  if (delivery.outcome !== 'rejected') return null;
  const hint = delivery.code ? HINTS[delivery.code] : undefined;
  if (hint) return hint(delivery, webhook);
  return `The request was refused (${delivery.status}${delivery.code ? ` ${delivery.code}` : ''})${delivery.detail ? `: ${delivery.detail}` : ''}.`;
}
