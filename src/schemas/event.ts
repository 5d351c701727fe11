/**
 * The event model (DESIGN §1), Prefect's: `occurred`, `event`, `resource`, `related`, `payload`,
 * `id`, `follows`; `received` is set by the store. Unknown top-level keys are dropped.
 * @see ../../../shared/seed/events.md
 */
import { z } from 'zod';
import { isUuid } from '../lib/ids';
import { formatTimestamp, MAX_YEAR, MIN_YEAR, parseTimestamp } from '../lib/time';
import { describeType, isJsonObject, JsonObjectSchema, StoredJsonObjectSchema } from './json';

export const MAX_LABELS = 500;
export const MAX_RELATED = 100;
export const MAX_EVENT_NAME_CHARS = 1024;
export const MAX_EVENT_BYTES = 1_500_000;
export const RESOURCE_ID = 'prefect.resource.id';
export const RESOURCE_ROLE = 'prefect.resource.role';
export const RESOURCE_NAME = 'prefect.resource.name';

export type Labels = Record<string, string>;

/** A UUID of any version, in the 8-4-4-4-12 hex form; kept lower-case. */
export const Uuid = z
  .string({ error: (issue) => `must be a UUID string, got ${describeType(issue.input)}` })
  .refine(isUuid, { error: 'must be a UUID (8-4-4-4-12 hex digits)' })
  .transform((id) => id.toLowerCase())
  .meta({ type: 'string', format: 'uuid' });

/** An RFC 3339 timestamp, normalised to UTC text that keeps microseconds. */
export const Timestamp = z
  .string({ error: (issue) => `must be an RFC 3339 timestamp string, got ${describeType(issue.input)}` })
  .transform((text, ctx) => {
    const micros = parseTimestamp(text);
    if (micros === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an RFC 3339 timestamp with a time zone, years ${MIN_YEAR}–${MAX_YEAR}, got "${text.slice(0, 60)}"`,
      });
      return z.NEVER;
    }
    return formatTimestamp(micros);
  })
  .meta({ type: 'string', format: 'date-time' });

function labelsSchema(required: readonly string[]) {
  const description = `Labels (string values), with non-empty ${required.map((k) => `"${k}"`).join(' and ')}`;
  return z
    .custom<Labels>(isJsonObject, { error: (issue) => `must be an object of labels, got ${describeType(issue.input)}` })
    .superRefine((labels, ctx) => {
      const keys = Object.keys(labels);
      if (keys.length > MAX_LABELS) {
        ctx.addIssue({ code: 'custom', message: `has ${keys.length} labels; at most ${MAX_LABELS} are allowed` });
      }
      for (const key of keys) {
        const value = labels[key];
        if (typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', path: [key], message: `label values must be strings, got ${describeType(value)}` });
        }
      }
      for (const key of required) {
        const value = labels[key];
        if (value === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required' });
        else if (value === '') ctx.addIssue({ code: 'custom', path: [key], message: 'must not be empty' });
      }
    })
    .meta({
      type: 'object',
      description,
      required: [...required],
      additionalProperties: { type: 'string' },
      maxProperties: MAX_LABELS,
    });
}

/** A resource: string labels, with a non-empty `prefect.resource.id`. */
export const Resource = labelsSchema([RESOURCE_ID]);
/** A related resource also names its role. */
export const RelatedResource = labelsSchema([RESOURCE_ID, RESOURCE_ROLE]);

export const Event = z.object({
  occurred: Timestamp,
  event: z
    .string({
      error: (issue) => (issue.input === undefined ? 'is required' : `must be a string, got ${describeType(issue.input)}`),
    })
    .min(1, { error: 'must not be empty' })
    .max(MAX_EVENT_NAME_CHARS, { error: `must be at most ${MAX_EVENT_NAME_CHARS} characters` }),
  resource: Resource,
  related: z
    .array(RelatedResource, { error: (issue) => `must be an array of resources, got ${describeType(issue.input)}` })
    .max(MAX_RELATED, { error: `must hold at most ${MAX_RELATED} resources (hookgate adds the webhook as one)` })
    .default(() => []),
  payload: JsonObjectSchema.default(() => ({})),
  id: Uuid,
  follows: Uuid.nullable().default(null),
});
export type Event = z.infer<typeof Event>;

/** An event as the store returns it: with the time the store received it. */
export const StoredEvent = Event.extend({ payload: StoredJsonObjectSchema, received: Timestamp });
export type StoredEvent = z.infer<typeof StoredEvent>;

/** The fields a mapping may leave out, which hookgate then fills in (DESIGN §1 defaults). */
export const PartialEvent = Event.partial({ id: true, occurred: true });
export type PartialEvent = z.infer<typeof PartialEvent>;
