/**
 * CloudEvents as hookgate reads them: every context attribute and extension as sent, the data
 * decoded, and the one error every unusable CloudEvent request gets (`invalid-cloudevent`, 400).
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 */
import { MappingError } from '../../lib/errors';

/** The spec versions hookgate reads. */
export const SPEC_VERSIONS = ['1.0', '0.3'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];

/** How the event travelled over HTTP. */
export type ContentMode = 'binary' | 'structured' | 'batch';

/** Context attributes and extensions by name; attributes sent as `null` (unset) are left out. */
export type Attributes = Record<string, unknown>;

export interface CloudEvent {
  /** Every attribute and extension except the data (binary mode: all text, as HTTP headers are). */
  attributes: Attributes;
  /** The data as a JSON value: parsed JSON, or text. Absent when the event has none, or it is binary. */
  data?: unknown;
  /** Binary data as base64 text (with `datacontenttype` in the attributes saying what it is). */
  data_base64?: string;
}

export interface CloudEventsRead {
  mode: ContentMode;
  /** One event, or a batch's events in order (possibly none). */
  events: CloudEvent[];
}

/** The request is not a CloudEvent, or not a valid one. The detail (and `attribute`) name the attribute at fault. */
export class InvalidCloudEventError extends MappingError {
  constructor(detail: string, attribute?: string) {
    super('invalid-cloudevent', 'The request is not a valid CloudEvent', detail, attribute === undefined ? {} : { attribute });
  }
}

/** The data of an event as JSON members: `{data}`, `{data_base64}` or nothing (JSON format's names). */
export function dataMembers(event: CloudEvent): { data?: unknown; data_base64?: string } {
  if (event.data !== undefined) return { data: event.data };
  if (event.data_base64 !== undefined) return { data_base64: event.data_base64 };
  return {};
}
