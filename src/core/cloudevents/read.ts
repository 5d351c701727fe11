/**
 * The HTTP protocol binding: which content mode a request uses, and the CloudEvents it carries.
 * `application/cloudevents-batch+json` is a batch, `application/cloudevents+json` one structured
 * event, and a request with `ce-*` headers a binary-mode event. Other event formats are refused.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#3-http-message-mapping
 */
import { describeType } from '../../schemas/json';
import { mediaType, type ParsedBody } from '../parse-body';
import { fromBinary, hasCloudEventHeaders } from './binary';
import { fromJsonFormat } from './structured';
import { type CloudEventsRead, type ContentMode, InvalidCloudEventError } from './types';

export const STRUCTURED_TYPE = 'application/cloudevents+json';
export const BATCH_TYPE = 'application/cloudevents-batch+json';

/** What the request as received offers the binding: headers, raw body, and the body as parsed for the context. */
export interface CloudEventMessage {
  headers: Headers;
  body: Uint8Array;
  parsed: ParsedBody;
}

/** The content mode of a request, or `undefined` when nothing says it is a CloudEvent (a cheap header check). */
export function contentModeOf(headers: Headers): ContentMode | undefined {
  const type = mediaType(headers.get('content-type'));
  if (type.startsWith('application/cloudevents-batch')) return 'batch';
  if (type.startsWith('application/cloudevents')) return 'structured';
  return hasCloudEventHeaders(headers) ? 'binary' : undefined;
}

function jsonBody(message: CloudEventMessage, expected: string): unknown {
  const type = mediaType(message.headers.get('content-type'));
  if (type !== expected) {
    throw new InvalidCloudEventError(
      `Content-Type ${type} is an event format hookgate does not read; send ${expected} (the JSON event format)`,
    );
  }
  if (!message.parsed.ok) throw new InvalidCloudEventError(message.parsed.reason);
  return message.parsed.value;
}

/**
 * The CloudEvents of a request, validated.
 * @throws InvalidCloudEventError when it is not a CloudEvent, or not a valid one
 */
export function readCloudEvents(message: CloudEventMessage): CloudEventsRead {
  const mode = contentModeOf(message.headers);
  switch (mode) {
    case 'binary':
      return { mode, events: [fromBinary(message.headers, message.body, message.parsed)] };
    case 'structured':
      return { mode, events: [fromJsonFormat(jsonBody(message, STRUCTURED_TYPE))] };
    case 'batch': {
      const batch = jsonBody(message, BATCH_TYPE);
      if (!Array.isArray(batch)) {
        throw new InvalidCloudEventError(`the body: a batch of CloudEvents is a JSON array, got ${describeType(batch)}`);
      }
      return { mode, events: batch.map((member, index) => fromJsonFormat(member, index)) };
    }
    default:
      throw new InvalidCloudEventError(
        `specversion is missing: the request is not a CloudEvent. Send the attributes as ce-* headers (binary mode: ` +
          `ce-specversion, ce-id, ce-source, ce-type), or the event as ${STRUCTURED_TYPE} (structured mode) or ${BATCH_TYPE} (batch mode)`,
        'specversion',
      );
  }
}
