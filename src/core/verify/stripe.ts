/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`, each v1 the hex HMAC-SHA256 of
 * `<t>.<raw body>` under the endpoint secret (`whsec_…`, used as text). Any v1 under any secret
 * matches; `v0` (test-mode legacy) is ignored; `t` must be within the tolerance.
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { type HmacFn, hmac } from './crypto';
import { fromHex, utf8 } from './encoding';
import { readHeaderFields } from './header-fields';
import { mismatch, requireHeader } from './headers';
import { andThen, anySignatureMatches, type MaybePromise } from './match';
import { checkTimestamp } from './timestamp';

const HEADER = 'stripe-signature';

/** Stripe's header as fields: `t` once, `v1` for each signature. */
const FIELDS = { separator: ',', assign: '=', signature: 'v1', timestamp: 't' } as const;

/** Synchronous (no promise) when `sign` is. */
export function verifyStripe(settings: VerifyOf<'stripe'>, request: ReceivedRequest, sign: HmacFn = hmac): MaybePromise<void> {
  const { timestamp, signatures } = readHeaderFields(requireHeader(request.headers, HEADER), FIELDS);
  if (timestamp === undefined || signatures.length === 0) throw mismatch('the Stripe-Signature header (no t= or v1=)');
  // `<t>.` then the body, hashed in pieces: the body is not copied to join them.
  const content = [utf8(`${timestamp}.`), request.body];
  const matched = anySignatureMatches(
    settings.secrets,
    [content],
    (secret, data) => sign('sha256', secret, data),
    signatures.map(fromHex),
  );
  return andThen(matched, (ok) => {
    if (!ok) throw mismatch('the Stripe-Signature v1 signature');
    checkTimestamp(timestamp, 'the Stripe-Signature timestamp', request.receivedAt, settings.toleranceSeconds);
  });
}
