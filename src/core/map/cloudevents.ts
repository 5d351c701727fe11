/**
 * CloudEvents mapping (DESIGN §3.3): each CloudEvent of the request (binary, structured or batch
 * mode; spec 1.0 or 0.3) becomes one event. `event` = `type`; resource = `subject`, else `source`;
 * `occurred` = `time`, else receipt; `id` = the CloudEvent's `id` when it is a UUID, else UUIDv5 of
 * `source` and `id`, so a redelivered CloudEvent is stored once; `payload` = the data and every attribute.
 */

import { isUuid, URL_NAMESPACE, uuidv5 } from '../../lib/ids';
import { RESOURCE_ID } from '../../schemas/event';
import type { JsonObject } from '../../schemas/json';
import type { CloudEventsMapping } from '../../schemas/mapping';
import { type Attributes, type CloudEvent, dataMembers, readCloudEvents } from '../cloudevents';
import type { Mapper } from './types';

/**
 * The event id of a CloudEvent whose `id` is not a UUID: UUIDv5 in the URL namespace of
 * `"<source> <id>"`. A source is a URI-reference, which has no space, so the name is unambiguous.
 * Templates get the same id with `{{uuid5 (concat cloudevent.source " " cloudevent.id)}}`.
 */
export function cloudEventId(source: string, id: string): string {
  return uuidv5(URL_NAMESPACE, `${source} ${id}`);
}

/** The event a CloudEvent becomes, before hookgate's defaults and validation. */
export function eventFromCloudEvent(cloudEvent: CloudEvent): JsonObject {
  // Validated: specversion, id, source and type are non-empty strings; subject and time strings when present.
  const { id, source, type, subject, time } = cloudEvent.attributes as Attributes & Record<'id' | 'source' | 'type', string>;
  return {
    id: isUuid(id) ? id : cloudEventId(source, id),
    event: type,
    ...(typeof time === 'string' ? { occurred: time } : {}),
    resource: { [RESOURCE_ID]: typeof subject === 'string' ? subject : source },
    payload: { ...dataMembers(cloudEvent), cloudevents: cloudEvent.attributes },
  };
}

export const cloudEventsMapper: Mapper<CloudEventsMapping> = {
  kind: 'cloudevents',
  check() {
    // Nothing to check: the mapping has no options.
  },
  map(_mapping, input) {
    const { mode, events } = readCloudEvents({ headers: input.request.headers, body: input.request.body, parsed: input.parsed });
    // A batch is numbered like a template's fan-out, so an invalid event is named by its index.
    return { candidates: events.map(eventFromCloudEvent), fanOut: mode === 'batch' };
  },
};
