/**
 * Verify stage: the only way a `ReceivedRequest` becomes a `VerifiedRequest`, so nothing
 * downstream can see a body whose sender was not authenticated (DESIGN §5). Every scheme works on
 * the raw bytes, before parsing, and either returns or throws one `VerifyError` (401).
 */
import { VerifyError } from '../../lib/errors';
import type { Verify } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { verifyBasic, verifyBearer, verifyHeaderToken } from './authorization';
import type { CertificateSource } from './certificates';
import type { HmacFn } from './crypto';
import { verifyDiscord } from './discord';
import { ECDSA_RECIPES, verifyEcdsa } from './ecdsa';
import { verifyHmac } from './hmac';
import { JWS_RECIPES, verifyJws } from './jws';
import type { MaybePromise } from './match';
import { HMAC_RECIPES } from './recipes';
import { verifySns } from './sns';
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
  /** Where certificate-based schemes (Amazon SNS) get signing certificates; they fail without one. */
  certificates?: CertificateSource;
}

/** Headers in which a sender puts the shared secret itself (GitLab, Telegram; Okta's is configurable). */
export const TOKEN_HEADERS = { gitlab: 'x-gitlab-token', telegram: 'x-telegram-bot-api-secret-token' } as const;

/** Secrets a handshake teaches (Asana, Notion): until one has, nothing from the sender is accepted. */
function learnedSecrets(secrets: readonly string[] | undefined, scheme: string): readonly string[] {
  if (secrets && secrets.length > 0) return secrets;
  throw new VerifyError('secret-not-learned', `no ${scheme} handshake has given this webhook its secret yet`);
}

/**
 * The first request of a webhook that has no secret yet, which itself hands the secret over (Notion's
 * verification request): a learning handshake has kept that secret, so the request goes on as the
 * sender's. Only `handleHook` calls this, right after `keepLearnedSecret` succeeded.
 */
export function acceptedByHandshake(request: ReceivedRequest): VerifiedRequest {
  return request as VerifiedRequest;
}

/** Authenticates the sender on the raw request; throws `VerifyError` (401) when it cannot. */
export async function verify(settings: Verify, request: ReceivedRequest, options: VerifyOptions = {}): Promise<VerifiedRequest> {
  // A synchronous HMAC (node:crypto's) checks without a promise; only async schemes are awaited.
  const checking = check(settings, request, options);
  if (checking) await checking;
  return request as VerifiedRequest;
}

function check(settings: Verify, request: ReceivedRequest, options: VerifyOptions): MaybePromise<void> {
  switch (settings.scheme) {
    case 'none':
      // The slug is the secret, as in Prefect.
      return;
    case 'bearer':
      return verifyBearer(request.headers, settings.secrets);
    case 'basic':
      return verifyBasic(request.headers, settings.username, settings.secrets);
    case 'gitlab':
    case 'telegram':
      return verifyHeaderToken(request.headers, TOKEN_HEADERS[settings.scheme], settings.secrets);
    case 'okta':
      return verifyHeaderToken(request.headers, settings.header, settings.secrets);
    case 'hmac':
      return verifyHmac(settings, settings, request, options.hmac, options.publicUrl);
    case 'github':
    case 'shopify':
    case 'linear':
    case 'sentry':
    case 'pagerduty':
    case 'slack':
    case 'microsoft-teams':
    case 'dropbox':
    case 'mailgun':
      return verifyHmac(HMAC_RECIPES[settings.scheme], settings, request, options.hmac);
    case 'asana':
    case 'notion': {
      const secrets = learnedSecrets(settings.secrets, settings.scheme);
      return verifyHmac(HMAC_RECIPES[settings.scheme], { secrets }, request, options.hmac);
    }
    case 'sendgrid':
      return verifyEcdsa(ECDSA_RECIPES.sendgrid, settings, request);
    case 'netlify':
      return verifyJws(JWS_RECIPES.netlify, settings.secrets, request, options.hmac);
    case 'aws-sns':
      return verifySns(settings, request, options.certificates);
    case 'stripe':
      return verifyStripe(settings, request, options.hmac);
    case 'standard-webhooks':
      return verifyStandardWebhooks(settings, request, options.hmac);
    case 'twilio':
      return verifyTwilio(settings, request, options.publicUrl, options.hmac);
    case 'discord':
      return verifyDiscord(settings, request);
    default:
      settings satisfies never;
  }
}
