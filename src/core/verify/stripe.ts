/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`, each v1 the hex HMAC-SHA256 of
 * `<t>.<raw body>` under the endpoint secret (`whsec_…`, used as text). Any v1 under any secret
 * matches; `v0` (test-mode legacy) is ignored; `t` must be within the tolerance.
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { type HmacFn, hmac } from './crypto';
import { concatBytes, fromHex, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';
import { checkTimestamp } from './timestamp';

const HEADER = 'stripe-signature';

function parse(header: string): { timestamp?: string; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const equals = item.indexOf('=');
    const key = item.slice(0, equals).trim();
    const value = item.slice(equals + 1).trim();
    if (key === 't') timestamp ??= value;
    else if (key === 'v1') signatures.push(value);
  }
  return { timestamp, signatures };
}

export async function verifyStripe(settings: VerifyOf<'stripe'>, request: ReceivedRequest, sign: HmacFn = hmac): Promise<void> {
  const { timestamp, signatures } = parse(requireHeader(request.headers, HEADER));
  if (timestamp === undefined || signatures.length === 0) throw mismatch('the Stripe-Signature header (no t= or v1=)');
  const content = concatBytes(utf8(`${timestamp}.`), request.body);
  const ok = await anySignatureMatches(
    settings.secrets,
    [content],
    (secret, data) => sign('sha256', secret, data),
    signatures.map(fromHex),
  );
  if (!ok) throw mismatch('the Stripe-Signature v1 signature');
  checkTimestamp(timestamp, 'the Stripe-Signature timestamp', request.receivedAt, settings.toleranceSeconds);
}
