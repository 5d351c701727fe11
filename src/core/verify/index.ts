/**
 * Verify stage: the only way a `ReceivedRequest` becomes a `VerifiedRequest`, so nothing
 * downstream can see a body whose sender was not authenticated (DESIGN §5). Every scheme works on
 * the raw bytes, before parsing, and either returns or throws one `VerifyError` (401).
 */
import type { Verify } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { verifyBasic, verifyBearer, verifyHeaderToken } from './authorization';
import type { HmacFn } from './crypto';
import { verifyDiscord } from './discord';
import { verifyHmac } from './hmac';
import { HMAC_RECIPES } from './recipes';
import { verifyStandardWebhooks } from './standard-webhooks';
import { verifyStripe } from './stripe';
import { verifyTwilio } from './twilio';

declare const verifiedBrand: unique symbol;

/** A request whose sender the webhook's `verify` settings accepted. */
export type VerifiedRequest = ReceivedRequest & { readonly [verifiedBrand]: true };

export interface VerifyOptions {
  /** `HOOKGATE_PUBLIC_URL`: the base of the URL senders call, for schemes that sign the URL (Twilio, `{url}` in `hmac`). */
  publicUrl?: string;
  /** The HMAC to use; Web Crypto when absent (the Node entry passes node:crypto's, which is synchronous). */
  hmac?: HmacFn;
}

/** Authenticates the sender on the raw request; throws `VerifyError` (401) when it cannot. */
export async function verify(settings: Verify, request: ReceivedRequest, options: VerifyOptions = {}): Promise<VerifiedRequest> {
  await check(settings, request, options);
  return request as VerifiedRequest;
}

async function check(settings: Verify, request: ReceivedRequest, options: VerifyOptions): Promise<void> {
  switch (settings.scheme) {
    case 'none':
      // The slug is the secret, as in Prefect.
      break;
    case 'bearer':
      await verifyBearer(request.headers, settings.secrets);
      break;
    case 'basic':
      await verifyBasic(request.headers, settings.username, settings.secrets);
      break;
    case 'gitlab':
      await verifyHeaderToken(request.headers, 'x-gitlab-token', settings.secrets);
      break;
    case 'hmac':
      await verifyHmac(settings, request, options.hmac, options.publicUrl);
      break;
    case 'github':
    case 'shopify':
    case 'linear':
    case 'sentry':
    case 'pagerduty':
    case 'slack':
      await verifyHmac({ ...HMAC_RECIPES[settings.scheme], ...settings }, request, options.hmac);
      break;
    case 'stripe':
      await verifyStripe(settings, request, options.hmac);
      break;
    case 'standard-webhooks':
      await verifyStandardWebhooks(settings, request, options.hmac);
      break;
    case 'twilio':
      await verifyTwilio(settings, request, options.publicUrl, options.hmac);
      break;
    case 'discord':
      await verifyDiscord(settings, request);
      break;
    default:
      settings satisfies never;
  }
}
