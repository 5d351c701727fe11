/**
 * Mappings (DESIGN §3): how a request becomes events. A closed union: an unknown kind is
 * rejected when the webhook is saved (fail closed).
 */
import { z } from 'zod';
import { MAX_EVENT_BYTES, PartialEvent } from './event';
import { isJsonObject, JsonObjectSchema } from './json';

export const MAX_TEMPLATE_CHARS = 30_000;

const encoder = new TextEncoder();

/** A static event: validated as an event (id and occurred may be left to the defaults); kept as written. */
export const StaticEventSpec = JsonObjectSchema.superRefine((event, ctx) => {
  const result = PartialEvent.safeParse(event);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return;
  }
  const bytes = encoder.encode(JSON.stringify(event)).length;
  if (bytes > MAX_EVENT_BYTES) {
    ctx.addIssue({ code: 'custom', message: `is ${bytes} bytes as JSON; an event may be at most ${MAX_EVENT_BYTES}` });
  }
});

export const StaticMapping = z.strictObject({ kind: z.literal('static'), event: StaticEventSpec });
export const TemplateMapping = z.strictObject({
  kind: z.literal('template'),
  template: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(MAX_TEMPLATE_CHARS, { error: `must be at most ${MAX_TEMPLATE_CHARS} characters` }),
});

/**
 * Each CloudEvent of the request becomes one event (DESIGN §3.3). No options: an unknown key is
 * refused rather than silently ignored.
 */
export const CloudEventsMapping = z.strictObject({ kind: z.literal('cloudevents') });

export const Mapping = z.discriminatedUnion('kind', [StaticMapping, TemplateMapping, CloudEventsMapping], {
  error: (issue) =>
    isJsonObject(issue.input)
      ? `unknown mapping kind; expected one of "static", "template", "cloudevents"`
      : 'must be a mapping object with a "kind"',
});
export type Mapping = z.infer<typeof Mapping>;
export type StaticMapping = z.infer<typeof StaticMapping>;
export type TemplateMapping = z.infer<typeof TemplateMapping>;
export type CloudEventsMapping = z.infer<typeof CloudEventsMapping>;
