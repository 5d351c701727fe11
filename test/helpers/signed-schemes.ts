/**
 * Every signing scheme as test data: how to configure it, how a sender signs with a secret (the
 * signers of src/cli/signers.ts, never pasted hex), which header it cannot do without, and a secret
 * of the right kind that is not the configured one. Shared by the route and the core verify tests.
 */
import { createHmac, randomBytes } from 'node:crypto';
import {
  ed25519Pair,
  type Signed,
  signDiscord,
  signGithub,
  signLinear,
  signPagerduty,
  signSentry,
  signShopify,
  signSlack,
  signStandard,
  signStripe,
  signTwilio,
} from '../../src/cli/signers';

export const NOW_SECONDS = 1_774_612_800; // 2026-03-27T12:00:00Z
export const PUBLIC_URL = 'https://hooks.example.com';
export const JSON_BODY = '{"kind": "order", "id": 42}';
export const FORM_BODY = 'MessageSid=SM123&From=%2B15550001111&Body=hello+there';
export const STATIC = {
  kind: 'static',
  event: { event: 'verified.request', resource: { 'prefect.resource.id': 'test.verified' } },
};

export interface SignedScheme {
  name: string;
  /** Two secrets (or keys) of the kind the scheme takes. */
  secrets: () => [string, string];
  verify: (secrets: string[]) => Record<string, unknown>;
  sign: (secret: string, body: string, at: number, url: string) => Signed;
  /** A header whose absence is `signature-missing`. */
  required: string;
  body?: string;
  contentType?: string;
  timestamped?: boolean;
  /** Shared-token schemes authenticate the sender, not the body. */
  tokenOnly?: boolean;
  /** A secret (or key) of the scheme's kind that is not configured; a plain text one when absent. */
  wrongSecret?: () => string;
}

/** The secret to sign with when the sender does not know the configured one. */
export const wrongSecretOf = (scheme: SignedScheme): string => scheme.wrongSecret?.() ?? 'not-the-secret-at-all';

const text = (): [string, string] => ['first-secret-value-0001', 'second-secret-value-0002'];
const whsec = (): [string, string] => [
  `whsec_${randomBytes(24).toString('base64')}`,
  `whsec_${randomBytes(32).toString('base64')}`,
];
const discordKeys = [ed25519Pair(), ed25519Pair()];
const rawHex = (index: number) => discordKeys[index]?.raw.toString('hex') ?? '';

export const SIGNED_SCHEMES: SignedScheme[] = [
  {
    name: 'bearer',
    secrets: text,
    verify: (secrets) => ({ scheme: 'bearer', secrets }),
    sign: (secret) => ({ authorization: `Bearer ${secret}` }),
    tokenOnly: true,
    required: 'authorization',
  },
  {
    name: 'basic',
    secrets: text,
    verify: (secrets) => ({ scheme: 'basic', username: 'ci', secrets }),
    sign: (secret) => ({ authorization: `Basic ${btoa(`ci:${secret}`)}` }),
    tokenOnly: true,
    required: 'authorization',
  },
  {
    name: 'gitlab',
    secrets: text,
    verify: (secrets) => ({ scheme: 'gitlab', secrets }),
    sign: (secret) => ({ 'x-gitlab-token': secret }),
    tokenOnly: true,
    required: 'x-gitlab-token',
  },
  {
    name: 'hmac (sha512, base64url, prefix, timestamp header, recipe)',
    secrets: text,
    verify: (secrets) => ({
      scheme: 'hmac',
      secrets,
      header: 'X-Signature',
      algorithm: 'sha512',
      encoding: 'base64url',
      prefix: 'v1=',
      signedContent: '{header:x-timestamp}.{body}',
      timestampHeader: 'X-Timestamp',
    }),
    sign: (secret, body, at) => ({
      'x-timestamp': String(at),
      'x-signature': `v1=${createHmac('sha512', secret).update(`${at}.${body}`).digest('base64url')}`,
    }),
    required: 'x-signature',
    timestamped: true,
  },
  {
    name: 'github',
    secrets: text,
    verify: (secrets) => ({ scheme: 'github', secrets }),
    sign: (secret, body) => signGithub(secret, body),
    required: 'x-hub-signature-256',
  },
  {
    name: 'shopify',
    secrets: text,
    verify: (secrets) => ({ scheme: 'shopify', secrets }),
    sign: (secret, body) => signShopify(secret, body),
    required: 'x-shopify-hmac-sha256',
  },
  {
    name: 'linear',
    secrets: text,
    verify: (secrets) => ({ scheme: 'linear', secrets }),
    sign: (secret, body) => signLinear(secret, body),
    required: 'linear-signature',
  },
  {
    name: 'sentry',
    secrets: text,
    verify: (secrets) => ({ scheme: 'sentry', secrets }),
    sign: (secret, body) => signSentry(secret, body),
    required: 'sentry-hook-signature',
  },
  {
    name: 'pagerduty',
    secrets: text,
    verify: (secrets) => ({ scheme: 'pagerduty', secrets }),
    sign: (secret, body) => signPagerduty(['not-this-one-xxxx', secret], body),
    required: 'x-pagerduty-signature',
  },
  {
    name: 'slack',
    secrets: text,
    verify: (secrets) => ({ scheme: 'slack', secrets }),
    sign: (secret, body, at) => signSlack(secret, body, at),
    required: 'x-slack-signature',
    timestamped: true,
  },
  {
    name: 'stripe',
    secrets: () => ['whsec_first_stripe_secret', 'whsec_second_stripe_secret'],
    verify: (secrets) => ({ scheme: 'stripe', secrets }),
    sign: (secret, body, at) => signStripe(['whsec_unrelated', secret], body, at),
    required: 'stripe-signature',
    timestamped: true,
  },
  {
    name: 'standard-webhooks (v1)',
    wrongSecret: () => `whsec_${randomBytes(24).toString('base64')}`,
    secrets: whsec,
    verify: (secrets) => ({ scheme: 'standard-webhooks', secrets }),
    sign: (secret, body, at) => signStandard([secret], 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at, body),
    required: 'webhook-signature',
    timestamped: true,
  },
  {
    name: 'standard-webhooks (v1a, Ed25519)',
    wrongSecret: () => `whpk_${ed25519Pair().raw.toString('base64')}`,
    secrets: () => [`whpk_${discordKeys[0]?.raw.toString('base64')}`, `whpk_${discordKeys[1]?.raw.toString('base64')}`],
    verify: (publicKeys) => ({ scheme: 'standard-webhooks', publicKeys }),
    sign: (publicKey, body, at) => {
      const pair = discordKeys.find((key) => publicKey === `whpk_${key.raw.toString('base64')}`) ?? ed25519Pair();
      return signStandard([], 'msg_ed25519', at, body, [pair.privateKey]);
    },
    required: 'webhook-id',
    timestamped: true,
  },
  {
    name: 'discord',
    wrongSecret: () => ed25519Pair().raw.toString('hex'),
    secrets: () => [rawHex(0), rawHex(1)],
    verify: (publicKeys) => ({ scheme: 'discord', publicKeys }),
    sign: (publicKey, body, at) => {
      const pair = discordKeys.find((key) => key.raw.toString('hex') === publicKey) ?? ed25519Pair();
      return signDiscord(pair.privateKey, body, at);
    },
    required: 'x-signature-ed25519',
    timestamped: true,
  },
  {
    name: 'twilio (form, signed over HOOKGATE_PUBLIC_URL)',
    secrets: text,
    verify: (secrets) => ({ scheme: 'twilio', secrets }),
    sign: (secret, body, _at, url) => signTwilio(secret, url, [...new URLSearchParams(body)]),
    required: 'x-twilio-signature',
    body: FORM_BODY,
    contentType: 'application/x-www-form-urlencoded',
  },
];
