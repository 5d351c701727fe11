/**
 * Webhook configuration (DESIGN §2, §3): what the management API accepts and returns.
 * Mapping kinds and verify schemes are closed unions: an unknown one is rejected at save (fail closed).
 */
import { z } from 'zod';
import { InputError } from '../lib/errors';
import { parseWith } from './issues';
import { MAX_TEMPLATE_CHARS, Mapping } from './mapping';
import { VERIFY_SCHEMES, Verify, VerifyPatch, type VerifyScheme } from './verify';

export const MAX_TEXT_CHARS = 5000;

/** Where a provider's delivery id is found: `header:<name>`, `query:<name>` or `body:<dot.path>`. */
export const IdFrom = z
  .string()
  .max(300)
  .regex(/^(header|query|body):\S.*$/, { error: 'must be "header:<name>", "query:<name>" or "body:<dot.path>"' });

/** At most `requests` requests per `perSeconds` seconds; beyond, 429 with `Retry-After`. */
export const RateLimit = z.strictObject({
  requests: z.number().int().min(1).max(1_000_000),
  perSeconds: z.number().int().min(1).max(86_400),
});
export type RateLimit = z.infer<typeof RateLimit>;

/**
 * Handshakes a webhook answers itself, storing nothing: Slack's `url_verification` challenge,
 * Discord's PING, Zoom's `endpoint.url_validation`, Twitch EventSub's `webhook_callback_verification`,
 * Xero's intent-to-receive, Okta's verification GET (after verification); WooCommerce's unsigned
 * creation ping and Dropbox's `challenge` GET (unsigned, before); Asana's `X-Hook-Secret` and
 * Notion's `verification_token`, which teach the webhook its secret (only while it has none).
 * Usually set by a preset.
 */
export const HANDSHAKE_NAMES = [
  'slack-url-verification',
  'discord-ping',
  'woocommerce-ping',
  'xero-intent-to-receive',
  'zoom-url-validation',
  'twitch-callback-verification',
  'dropbox-challenge',
  'okta-verification',
  'asana-hook-secret',
  'notion-verification',
] as const;
export const HandshakeName = z.enum(HANDSHAKE_NAMES, {
  error: `unknown handshake; expected one of ${HANDSHAKE_NAMES.join(', ')}`,
});
export type HandshakeName = z.infer<typeof HandshakeName>;
const Handshakes = z.array(HandshakeName).max(HANDSHAKE_NAMES.length);

/** A provider preset's name: the folder under `templates/`. */
export const PresetName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'must be a preset name' });

const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205]);

/**
 * What a sender gets once the events are committed, instead of `204` (for senders that expect an
 * answer, e.g. TwiML for Twilio). `body` is a template over the request context plus `events`.
 */
export const SuccessResponse = z
  .strictObject({
    status: z.number().int().min(200).max(299).default(200),
    contentType: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x20-\x7e]+$/, { error: 'must be a printable media type' })
      .default('application/json'),
    body: z
      .string()
      .max(MAX_TEMPLATE_CHARS, { error: `must be at most ${MAX_TEMPLATE_CHARS} characters` })
      .default(''),
  })
  .refine((response) => !(NULL_BODY_STATUSES.has(response.status) && response.body !== ''), {
    error: 'a 204 or 205 response has no body',
    path: ['body'],
  });
export type SuccessResponse = z.infer<typeof SuccessResponse>;

const Name = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_TEXT_CHARS, { error: `must be at most ${MAX_TEXT_CHARS} characters` });
const Description = z.string().max(MAX_TEXT_CHARS, { error: `must be at most ${MAX_TEXT_CHARS} characters` });

export const WebhookCreate = z.strictObject({
  name: Name,
  description: Description.default(''),
  enabled: z.boolean().default(true),
  mapping: Mapping,
  verify: Verify.default({ scheme: 'none' }),
  idFrom: IdFrom.nullable().default(null),
  rateLimit: RateLimit.nullable().default(null),
  /** The preset the webhook was made from (set by the API when the request names one). */
  preset: PresetName.nullable().default(null),
  handshakes: Handshakes.default(() => []),
  response: SuccessResponse.nullable().default(null),
});
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookPatch = z.strictObject({
  name: Name.optional(),
  description: Description.optional(),
  enabled: z.boolean().optional(),
  mapping: Mapping.optional(),
  verify: VerifyPatch.optional(),
  idFrom: IdFrom.nullable().optional(),
  rateLimit: RateLimit.nullable().optional(),
  handshakes: Handshakes.optional(),
  response: SuccessResponse.nullable().optional(),
});
export type WebhookPatch = z.infer<typeof WebhookPatch>;

/** A webhook as stored. */
export const Webhook = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  slug: z.string(),
  mapping: Mapping,
  verify: Verify,
  idFrom: z.string().nullable(),
  rateLimit: RateLimit.nullable(),
  /* Optional, so webhooks stored before these fields existed (and code that builds one) stay valid. */
  preset: z.string().nullable().optional(),
  handshakes: Handshakes.optional(),
  response: SuccessResponse.nullable().optional(),
  created: z.string(),
  updated: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

/**
 * A webhook as the API shows it (src/routes/webhook-view.ts): with the `url` to give the sender,
 * and its verification settings without the secrets, which appear only as `secretHints`.
 */
export const WebhookView = Webhook.extend({
  url: z.url(),
  verify: z
    .looseObject({
      scheme: z.enum(VERIFY_SCHEMES as [VerifyScheme, ...VerifyScheme[]]),
      secretHints: z.array(z.string()).optional(),
    })
    .meta({ description: "The scheme's settings, secrets replaced by hints (the last 4 characters)" }),
});

/** Methods a sample may use: the ones senders deliver with (`Request` refuses CONNECT, TRACE, TRACK). */
export const SAMPLE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** An HTTP token (RFC 9110 §5.1, §5.6.2): what `Headers` accepts as a name. */
const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
const HEADER_NAME_RULE = "must be a header name: letters, digits and !#$%&'*+-.^_`|~, at least one";

/** What `Headers` accepts as a value (RFC 9110 §5.5): no CR, LF or NUL, and bytes only (Latin-1). */
const HeaderValue = z
  .string()
  .regex(/^[^\0\r\n]*$/, { error: 'must not contain CR, LF or NUL' })
  .regex(/^[\0-\xff]*$/, { error: 'must hold Latin-1 characters only (up to U+00FF)' });

/** Sample headers and query parameters at most: more than any HTTP server takes in one request. */
export const MAX_SAMPLE_FIELDS = 1000;
const atMostFields = (value: object) => Object.keys(value).length <= MAX_SAMPLE_FIELDS;

/**
 * Which of a sample's `headers` and `query` holds more than MAX_SAMPLE_FIELDS fields, checked
 * before the schema runs (which would check every field first): a million headers cost nothing.
 */
export function oversizedSampleField(value: unknown): 'headers' | 'query' | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const field of ['headers', 'query'] as const) {
    const inner = (value as Record<string, unknown>)[field];
    if (typeof inner === 'object' && inner !== null && !atMostFields(inner)) return field;
  }
  return undefined;
}

/** A sample request for the dry run (`POST /api/webhooks/:id/test`), limited to what can be sent. */
export const SampleRequest = z.strictObject({
  method: z
    .string()
    .toUpperCase()
    .pipe(z.enum(SAMPLE_METHODS, { error: `must be one of ${SAMPLE_METHODS.join(', ')}` }))
    .meta({ description: `${SAMPLE_METHODS.join(', ')} (any case)` })
    .default('POST'),
  headers: z
    .record(HeaderName, HeaderValue, { error: (issue) => (issue.code === 'invalid_key' ? HEADER_NAME_RULE : undefined) })
    .refine(atMostFields, { error: `must hold at most ${MAX_SAMPLE_FIELDS} headers`, abort: true })
    .meta({ maxProperties: MAX_SAMPLE_FIELDS })
    .default(() => ({})),
  query: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .refine(atMostFields, { error: `must hold at most ${MAX_SAMPLE_FIELDS} parameters`, abort: true })
    .meta({ maxProperties: MAX_SAMPLE_FIELDS })
    .default(() => ({})),
  /** A string is sent as it is; any other JSON value is sent as JSON. */
  body: z.unknown().optional(),
});
export type SampleRequest = z.infer<typeof SampleRequest>;

/** A dry-run sample from JSON: an oversized `headers`/`query` is refused before the schema looks at each field. */
export function parseSampleRequest(value: unknown): SampleRequest {
  const oversized = oversizedSampleField(value);
  if (oversized) {
    throw new InputError(422, 'validation-failed', `${oversized}: must hold at most ${MAX_SAMPLE_FIELDS} fields`, {
      issues: [{ path: oversized, message: `must hold at most ${MAX_SAMPLE_FIELDS} fields` }],
      issueCount: 1,
    });
  }
  return parseWith(SampleRequest, value);
}
