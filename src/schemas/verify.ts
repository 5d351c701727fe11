/**
 * Sender verification settings (DESIGN §5). A closed union: an unknown scheme is rejected when
 * the webhook is saved, never treated as "no verification". Secrets are write-only (the API shows
 * hints); Ed25519 public keys are not secrets and are shown as they are.
 */
import { z } from 'zod';
import { isJsonObject } from './json';
import { Base64Secrets, SpkiPublicKeys, TopicArns } from './verify-keys';

export const MAX_SECRETS = 10;
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Secrets are write-only: accepted here, never returned (the API shows a hint). Several = rotation. */
export const Secrets = z
  .array(z.string().min(1, { error: 'must not be empty' }).max(1024), { error: 'must be an array of secret strings' })
  .min(1, { error: 'needs at least one secret' })
  .max(MAX_SECRETS, { error: `may hold at most ${MAX_SECRETS} secrets` });

/** How far (seconds, either way) a signed timestamp may be from the time the request arrived. */
export const ToleranceSeconds = z.number().int().min(1).max(86_400);

/** An HTTP header name (RFC 9110 token), compared case-insensitively. */
export const HeaderName = z
  .string()
  .max(128)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: 'must be an HTTP header name' });

export const HMAC_ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
export const SIGNATURE_ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];
/** How a secret becomes the HMAC key: its UTF-8 bytes (most providers), or the bytes its base64 text decodes to (Airtable). */
export const SECRET_ENCODINGS = ['utf8', 'base64'] as const;
export type SecretEncoding = (typeof SECRET_ENCODINGS)[number];

/**
 * What is signed: literal text with placeholders — `{body}` (the raw body), `{header:<name>}`,
 * `{field:<dotted.path>}` (a field of the JSON body), `{timestamp}` (the signed timestamp: the
 * `headerFields` timestamp or the `timestampHeader`), `{method}` (upper-case) and `{url}` (the URL
 * the sender called: `HOOKGATE_PUBLIC_URL` + path + query).
 */
export const SignedContent = z
  .string()
  .min(1)
  .max(500)
  .regex(/^(?:[^{}]|\{(?:body|timestamp|method|url)\}|\{header:[!#$%&'*+.^_`|~0-9A-Za-z-]+\}|\{field:[\w-]+(?:\.[\w-]+)*\})*$/, {
    error: 'may hold only text, "{body}", "{timestamp}", "{method}", "{url}", "{header:<name>}" and "{field:<dotted.path>}"',
  });

/**
 * How a signed timestamp is written: Unix seconds, Unix milliseconds, or RFC 3339 text (any
 * fraction, e.g. Twitch's nanoseconds).
 */
export const TIMESTAMP_FORMATS = ['unix', 'unix-ms', 'rfc3339'] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/**
 * A signature header made of `key=value` fields (`t=…,v1=…` as Stripe, Calendly and Mux send it;
 * `ts=…;h1=…` as Paddle does): every `signature` field is tried, the `timestamp` field is what
 * `{timestamp}` stands for and what the tolerance is checked on.
 */
export const HeaderFields = z.strictObject({
  /** Between fields. */
  separator: z.string().min(1).max(4).default(','),
  /** Between a field's key and its value. */
  assign: z.string().min(1).max(4).default('='),
  /** The key of the signature fields. */
  signature: z.string().min(1).max(32),
  /** The key of the timestamp field, when the header carries one. */
  timestamp: z.string().min(1).max(32).optional(),
});
export type HeaderFields = z.infer<typeof HeaderFields>;

/** Bytes that base64 text (padding optional) decodes to, or -1 when it is not base64. */
export function base64Bytes(text: string): number {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return -1;
  const bare = text.replace(/=+$/, '');
  return bare.length % 4 === 1 ? -1 : Math.floor((bare.length * 3) / 4);
}

/** Standard Webhooks symmetric secrets: base64, optionally prefixed `whsec_` (as providers show them). */
const StandardSecrets = z
  .array(
    z
      .string()
      .max(1024)
      .refine((s) => base64Bytes(s.replace(/^whsec_/, '')) > 0, { error: 'must be "whsec_<base64>" or base64, not empty' }),
    { error: 'must be an array of secret strings' },
  )
  .min(1, { error: 'needs at least one secret' })
  .max(MAX_SECRETS, { error: `may hold at most ${MAX_SECRETS} secrets` });

/** Ed25519 public keys (32 bytes): base64 with an optional `whpk_` prefix (Standard Webhooks). */
const StandardPublicKeys = z
  .array(
    z
      .string()
      .refine((s) => base64Bytes(s.replace(/^whpk_/, '')) === 32, { error: 'must be a 32-byte Ed25519 key, "whpk_<base64>"' }),
  )
  .min(1)
  .max(MAX_SECRETS);

/** Ed25519 public keys as Discord shows them: 64 hex digits. */
const HexPublicKeys = z
  .array(z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex digits (the application public key)' }), {
    error: 'must be an array of public keys',
  })
  .min(1, { error: 'needs at least one public key' })
  .max(MAX_SECRETS);

/*
 * Each scheme as a shape, so the stored form (secrets required) and the PATCH form (secrets may be
 * left out to keep the stored ones) come from one definition.
 */
const tolerance = { toleranceSeconds: ToleranceSeconds.default(DEFAULT_TOLERANCE_SECONDS) };
const SHAPES = {
  none: {},
  /** `Authorization: Bearer <secret>`. */
  bearer: { secrets: Secrets },
  /** `Authorization: Basic base64(username:secret)`. */
  basic: { username: z.string().min(1).max(256), secrets: Secrets },
  /** Generic HMAC: `header` holds `prefix` + encode(HMAC(secret, signedContent)), several when `separator` is set. */
  hmac: {
    secrets: Secrets,
    header: HeaderName,
    algorithm: z.enum(HMAC_ALGORITHMS).default('sha256'),
    encoding: z.enum(SIGNATURE_ENCODINGS).default('hex'),
    prefix: z.string().max(64).default(''),
    separator: z.string().min(1).max(4).optional(),
    signedContent: SignedContent.default('{body}'),
    /** Absent: the secret's UTF-8 bytes are the key. `base64`: the key is the secret base64-decoded. */
    secretEncoding: z.enum(SECRET_ENCODINGS).optional(),
    /** A header holding the time the sender signed at; checked against the tolerance. */
    timestampHeader: HeaderName.optional(),
    /** The signature header as `key=value` fields instead of one signature (`separator` is then unused). */
    headerFields: HeaderFields.optional(),
    /** How the signed timestamp is written; Unix seconds when absent. */
    timestampFormat: z.enum(TIMESTAMP_FORMATS).optional(),
    ...tolerance,
  },
  github: { secrets: Secrets },
  gitlab: { secrets: Secrets },
  shopify: { secrets: Secrets },
  linear: { secrets: Secrets },
  sentry: { secrets: Secrets },
  pagerduty: { secrets: Secrets },
  slack: { secrets: Secrets, ...tolerance },
  stripe: { secrets: Secrets, ...tolerance },
  'standard-webhooks': { secrets: StandardSecrets.optional(), publicKeys: StandardPublicKeys.optional(), ...tolerance },
  /** `url`: the URL configured at Twilio, when a proxy rewrites the path (the request's query is appended). */
  twilio: {
    secrets: Secrets,
    url: z
      .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
      .refine((u) => !/[?#]/.test(u), { error: 'must not hold a query or fragment (the request’s query is appended)' })
      .optional(),
  },
  discord: { publicKeys: HexPublicKeys, ...tolerance },
  /** `X-Telegram-Bot-Api-Secret-Token`: the `secret_token` given to setWebhook. */
  telegram: { secrets: Secrets },
  /** Okta event hooks: the secret sent as it is in `header` (the hook's "Authentication field"). */
  okta: { secrets: Secrets, header: HeaderName.default('authorization') },
  /** `Authorization: HMAC <base64>` under the base64-decoded security token. */
  'microsoft-teams': { secrets: Base64Secrets },
  dropbox: { secrets: Secrets },
  /** Signature, timestamp and token inside the JSON body (`signature`). */
  mailgun: { secrets: Secrets, ...tolerance },
  /** ECDSA P-256 over timestamp + body, under the account's verification key. */
  sendgrid: { publicKeys: SpkiPublicKeys, ...tolerance },
  /** The secret is learned from the `X-Hook-Secret` handshake; until then every delivery is refused. */
  asana: { secrets: Secrets.optional() },
  /** The secret is the `verification_token` of Notion's first request; until then deliveries are refused. */
  notion: { secrets: Secrets.optional() },
  /** A JWS (HS256) in `X-Webhook-Signature` with the body's SHA-256 as a claim. */
  netlify: { secrets: Secrets },
  /** SNS message signatures, checked with Amazon's certificate; optionally only from `topicArns`. */
  'aws-sns': { topicArns: TopicArns.optional() },
} as const;

export type VerifyScheme = keyof typeof SHAPES;
export const VERIFY_SCHEMES = Object.keys(SHAPES) as VerifyScheme[];

const schemeError = (issue: { input?: unknown }) =>
  isJsonObject(issue.input)
    ? `unknown verify scheme; expected one of ${VERIFY_SCHEMES.join(', ')}`
    : 'must be an object with a "scheme"';

function stored<K extends VerifyScheme>(scheme: K) {
  return z.strictObject({ scheme: z.literal(scheme), ...SHAPES[scheme] });
}

type KeyField = 'secrets' | 'publicKeys';
type PatchShape<S> = {
  [K in keyof S]: K extends KeyField
    ? S[K] extends z.ZodOptional
      ? S[K]
      : S[K] extends z.ZodType
        ? z.ZodOptional<S[K]>
        : never
    : S[K];
};

/** Secrets and keys optional: left out of a PATCH with the same scheme, they keep the stored ones. */
function patch<K extends VerifyScheme>(scheme: K) {
  const shape: Record<string, z.ZodType> = { ...SHAPES[scheme] };
  for (const key of ['secrets', 'publicKeys'] as const) {
    const field = shape[key];
    if (field && !(field instanceof z.ZodOptional)) shape[key] = field.optional();
  }
  return z.strictObject({ scheme: z.literal(scheme), ...(shape as PatchShape<(typeof SHAPES)[K]>) });
}

/**
 * A base64 key must decode (a secret that cannot is a mistake to report at save, not a key that
 * never matches), and `{timestamp}` needs a timestamp to stand for: a `headerFields` timestamp key
 * or a `timestampHeader`.
 */
const HmacVerify = stored('hmac')
  .refine((v) => v.secretEncoding !== 'base64' || v.secrets.every((secret) => base64Bytes(secret) > 0), {
    error: 'must be base64 text when "secretEncoding" is "base64"',
    path: ['secrets'],
  })
  .refine(
    (v) => !v.signedContent.includes('{timestamp}') || v.headerFields?.timestamp !== undefined || v.timestampHeader !== undefined,
    { error: '"{timestamp}" needs "headerFields.timestamp" or "timestampHeader"', path: ['signedContent'] },
  );

const StandardWebhooksVerify = stored('standard-webhooks').refine((v) => v.secrets || v.publicKeys, {
  error: 'needs "secrets" (whsec_…) or "publicKeys" (whpk_…)',
  path: ['secrets'],
});

export const Verify = z.discriminatedUnion(
  'scheme',
  [
    stored('none'),
    stored('bearer'),
    stored('basic'),
    HmacVerify,
    stored('github'),
    stored('gitlab'),
    stored('shopify'),
    stored('linear'),
    stored('sentry'),
    stored('pagerduty'),
    stored('slack'),
    stored('stripe'),
    StandardWebhooksVerify,
    stored('twilio'),
    stored('discord'),
    stored('telegram'),
    stored('okta'),
    stored('microsoft-teams'),
    stored('dropbox'),
    stored('mailgun'),
    stored('sendgrid'),
    stored('asana'),
    stored('notion'),
    stored('netlify'),
    stored('aws-sns'),
  ],
  { error: schemeError },
);
export type Verify = z.infer<typeof Verify>;

export const VerifyPatch = z.discriminatedUnion(
  'scheme',
  [
    patch('none'),
    patch('bearer'),
    patch('basic'),
    patch('hmac'),
    patch('github'),
    patch('gitlab'),
    patch('shopify'),
    patch('linear'),
    patch('sentry'),
    patch('pagerduty'),
    patch('slack'),
    patch('stripe'),
    patch('standard-webhooks'),
    patch('twilio'),
    patch('discord'),
    patch('telegram'),
    patch('okta'),
    patch('microsoft-teams'),
    patch('dropbox'),
    patch('mailgun'),
    patch('sendgrid'),
    patch('asana'),
    patch('notion'),
    patch('netlify'),
    patch('aws-sns'),
  ],
  { error: schemeError },
);
export type VerifyPatch = z.infer<typeof VerifyPatch>;

export type VerifyOf<S extends VerifyScheme> = Extract<Verify, { scheme: S }>;
