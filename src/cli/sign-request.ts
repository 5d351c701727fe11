/**
 * `hookgate send --sign SCHEME --secret S`: the headers a provider would add to this body, so a
 * deployed gateway can be tested end to end with real signatures.
 */
import { CliError } from './errors';
import { signAsana, signDropbox, signNetlify, signNotion, signTeams } from './provider-signers';
import {
  type Signed,
  sha256Hex,
  signGithub,
  signLinear,
  signPagerduty,
  signSentry,
  signShopify,
  signSlack,
  signStandard,
  signStripe,
  signTwilio,
} from './signers';

export const SIGNABLE_SCHEMES = [
  'bearer',
  'basic',
  'github',
  'gitlab',
  'shopify',
  'linear',
  'sentry',
  'pagerduty',
  'slack',
  'stripe',
  'standard-webhooks',
  'twilio',
  'telegram',
  'okta',
  'microsoft-teams',
  'dropbox',
  'asana',
  'notion',
  'netlify',
] as const;

export interface SignedRequest {
  headers: Signed;
  /** The URL to send to: Twilio signs JSON bodies through a `bodySHA256` query parameter. */
  url: string;
}

export interface SignInput {
  scheme: string;
  secret: string;
  body: string;
  url: string;
  contentType: string;
  /** Seconds since the epoch, for timestamped schemes. */
  now?: number;
}

/** Form parameters in body order, for Twilio. */
function formParams(body: string, contentType: string): [string, string][] {
  return contentType.startsWith('application/x-www-form-urlencoded') ? [...new URLSearchParams(body)] : [];
}

export function signRequest(input: SignInput): SignedRequest {
  if (input.scheme === 'twilio' && !input.contentType.startsWith('application/x-www-form-urlencoded')) {
    const url = new URL(input.url);
    url.searchParams.set('bodySHA256', sha256Hex(input.body));
    return { url: url.toString(), headers: signTwilio(input.secret, url.toString()) };
  }
  return { url: input.url, headers: signHeaders(input) };
}

function signHeaders({ scheme, secret, body, url, contentType, now = Math.floor(Date.now() / 1000) }: SignInput): Signed {
  switch (scheme) {
    case 'bearer':
      return { authorization: `Bearer ${secret}` };
    case 'basic':
      // --secret user:password
      return { authorization: `Basic ${Buffer.from(secret).toString('base64')}` };
    case 'github':
      return signGithub(secret, body);
    case 'gitlab':
      return { 'x-gitlab-token': secret };
    case 'shopify':
      return signShopify(secret, body);
    case 'linear':
      return signLinear(secret, body);
    case 'sentry':
      return signSentry(secret, body);
    case 'pagerduty':
      return signPagerduty([secret], body);
    case 'slack':
      return signSlack(secret, body, now);
    case 'stripe':
      return signStripe([secret], body, now);
    case 'standard-webhooks':
      return signStandard([secret], `msg_${crypto.randomUUID().replaceAll('-', '')}`, now, body);
    case 'twilio':
      return signTwilio(secret, url, formParams(body, contentType));
    case 'telegram':
      return { 'x-telegram-bot-api-secret-token': secret };
    case 'okta':
      return { authorization: secret };
    case 'microsoft-teams':
      return signTeams(secret, body);
    case 'dropbox':
      return signDropbox(secret, body);
    case 'asana':
      return signAsana(secret, body);
    case 'notion':
      return signNotion(secret, body);
    case 'netlify':
      return signNetlify(secret, body);
    default:
      throw new CliError(`cannot sign with "${scheme}"; --sign takes one of ${SIGNABLE_SCHEMES.join(', ')}`);
  }
}
