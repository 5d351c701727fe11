/**
 * Signature headers made of `key=value` fields: `t=…,v1=…` (Stripe, Calendly, Mux, Sanity),
 * `ts=…;h1=…` (Paddle), `timestamp=…,signature=…` (Buildkite). Every signature field is kept
 * (senders add one per secret while rotating); the first timestamp field wins.
 * @see https://docs.stripe.com/webhooks#verify-manually
 * @see https://developer.paddle.com/webhooks/signature-verification
 * @see https://buildkite.com/docs/apis/webhooks#webhook-signature
 */
import type { HeaderFields } from '../../schemas/verify';

export interface SignatureFields {
  timestamp?: string;
  signatures: string[];
}

/** The timestamp and signature values of `header`; fields without `assign` or with other keys are ignored. */
export function readHeaderFields(
  header: string,
  fields: Pick<HeaderFields, 'separator' | 'assign' | 'signature' | 'timestamp'>,
): SignatureFields {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(fields.separator)) {
    const at = item.indexOf(fields.assign);
    if (at < 0) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + fields.assign.length).trim();
    if (fields.timestamp !== undefined && key === fields.timestamp) timestamp ??= value;
    else if (key === fields.signature) signatures.push(value);
  }
  return { timestamp, signatures };
}
