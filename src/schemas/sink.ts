/**
 * Sinks (issue 13): where stored events are forwarded — a Prefect events API, any HTTP endpoint,
 * a CloudEvents receiver — with an optional event filter in the `/api/events/filter` language.
 * Kinds are a closed union: an unknown one is refused at save (fail closed).
 * @see https://docs.prefect.io/v3/api-ref/rest-api
 */
import { z } from 'zod';
import { EventFilter } from './filter';

export const SINK_KINDS = ['prefect', 'http', 'cloudevents'] as const;
export type SinkKind = (typeof SINK_KINDS)[number];
export const SINK_STATES = ['ok', 'retrying', 'failing'] as const;
export type SinkState = (typeof SINK_STATES)[number];
export const MAX_SINK_BATCH_EVENTS = 500;
export const DEFAULT_SINK_BATCH_EVENTS = 100;
const MAX_SECRET_CHARS = 4096;

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .max(2048)
  .refine((url) => !new URL(url).username && !new URL(url).password, { error: 'must not carry credentials' });
const Secret = z.string().min(1).max(MAX_SECRET_CHARS);
const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, { error: 'must be a header name' });
const HeaderValue = z
  .string()
  .max(MAX_SECRET_CHARS)
  .regex(/^[\x20-\x7e\t]*$/, { error: 'must be printable ASCII' });
/** Extra headers for proxies (Prefect's `PREFECT_CLIENT_CUSTOM_HEADERS`); values are write-only. */
const ExtraHeaders = z
  .record(HeaderName, HeaderValue)
  .refine((h) => Object.keys(h).length <= 20, { error: 'at most 20 headers' });
const Name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, { error: 'letters, digits, "_", "." and "-" only' });

/** `prefect`: POST {url}/events; `apiKey` → Bearer (Cloud), `authString` → Basic (OSS). */
export const PrefectTarget = z.strictObject({
  kind: z.literal('prefect'),
  url: HttpUrl.meta({
    description: 'The PREFECT_API_URL: http://host:4200/api or https://api.prefect.cloud/api/accounts/…/workspaces/…',
  }),
  apiKey: Secret.optional(),
  authString: Secret.regex(/^[^:]*:.*$/s, { error: 'must be "user:password"' }).optional(),
  headers: ExtraHeaders.optional(),
});
/** `http`: POST a JSON array of events, `Idempotency-Key`, optional Standard Webhooks signing. */
export const HttpTarget = z.strictObject({
  kind: z.literal('http'),
  url: HttpUrl,
  signingSecret: Secret.regex(/^(whsec_)?[A-Za-z0-9+/]+={0,2}$/, { error: 'must be a whsec_ base64 secret' }).optional(),
  headers: ExtraHeaders.optional(),
});
/** `cloudevents`: binary (one event per request, default), structured, or a JSON batch. */
export const CloudEventsTarget = z.strictObject({
  kind: z.literal('cloudevents'),
  url: HttpUrl,
  mode: z.enum(['binary', 'structured', 'batch']).default('binary'),
  headers: ExtraHeaders.optional(),
});
export const SinkTarget = z.discriminatedUnion('kind', [PrefectTarget, HttpTarget, CloudEventsTarget], {
  error: `unknown sink kind; expected one of ${SINK_KINDS.join(', ')}`,
});
export type SinkTarget = z.infer<typeof SinkTarget>;

export const SinkCreate = z.strictObject({
  name: Name,
  enabled: z.boolean().default(true),
  target: SinkTarget,
  /** Only events this filter matches are forwarded (null: every event). Its `occurred` window applies as given. */
  filter: EventFilter.nullable().default(null),
  batchSize: z.number().int().min(1).max(MAX_SINK_BATCH_EVENTS).default(DEFAULT_SINK_BATCH_EVENTS),
});
export type SinkCreate = z.infer<typeof SinkCreate>;

/** A PATCH; a `target` of the same kind may leave its secrets out to keep the current ones. */
export const SinkPatch = z.strictObject({
  name: Name.optional(),
  enabled: z.boolean().optional(),
  target: SinkTarget.optional(),
  filter: EventFilter.nullable().optional(),
  batchSize: z.number().int().min(1).max(MAX_SINK_BATCH_EVENTS).optional(),
});
export type SinkPatch = z.infer<typeof SinkPatch>;

/** A sink as stored. `origin: env` sinks come from the operator's environment and are trusted. */
export const Sink = SinkCreate.extend({
  id: z.string(),
  origin: z.enum(['api', 'env']),
  created: z.string(),
  updated: z.string(),
});
export type Sink = z.infer<typeof Sink>;

/** How a sink is doing: what `GET /api/sinks/:id` adds to its settings. */
export const SinkStatus = z.object({
  state: z.enum(SINK_STATES),
  delivered: z.number().int(),
  retries: z.number().int(),
  pending: z.number().int().meta({ description: 'Events waiting to be forwarded' }),
  lagSeconds: z.number().meta({ description: 'Age of the oldest waiting event (0 when none wait)' }),
  deadLetters: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttempt: z.string().nullable(),
  lastSuccess: z.string().nullable(),
  nextAttempt: z.string().nullable(),
});
export type SinkStatus = z.infer<typeof SinkStatus>;

/** A sink as the API shows it: secrets replaced by hints. */
export const SinkView = Sink.omit({ target: true }).extend({
  target: z.looseObject({ kind: z.enum(SINK_KINDS), url: z.string() }).meta({
    description: 'The target without its secrets: apiKeyHint, authStringHint, signingSecretHint, headerHints',
  }),
  status: SinkStatus,
});

export const DeadLetter = z.object({
  eventId: z.string(),
  event: z.unknown().nullable(),
  reason: z.string(),
  status: z.number().int().nullable(),
  excerpt: z.string(),
  created: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const SinkReplayRequest = z.strictObject({
  /** Re-send the events received since this time (the receiver deduplicates by id). */
  since: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' }),
});
/** No body (or `{}`): every dead letter. */
export const DeadLetterRetryRequest = z
  .strictObject({
    ids: z.array(z.uuid()).max(1000).optional(),
  })
  .default({});
