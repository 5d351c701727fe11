/**
 * One CloudEvent in the JSON event format (structured mode, or an item of a batch): members are the
 * attributes, `null` ones unset; `data` holds the data, or `data_base64` (1.0) its bytes; 0.3 marks
 * base64 data with `datacontentencoding: "base64"` instead.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
 * @see https://github.com/cloudevents/spec/blob/v0.3/json-format.md
 */
import { describeType, isJsonObject, type JsonObject } from '../../schemas/json';
import { dataFromBase64, isBase64 } from './data';
import { type Attributes, type CloudEvent, InvalidCloudEventError, type SpecVersion } from './types';
import { checkAttributes, type Label } from './validate';

type EventData = Pick<CloudEvent, 'data' | 'data_base64'>;

/** The members that carry data rather than attributes: `data_base64` only from 1.0 on. */
function isDataMember(name: string, specversion: unknown): boolean {
  return name === 'data' || (name === 'data_base64' && specversion !== '0.3');
}

function base64Data(member: string, value: unknown, contentType: unknown, label: Label): EventData {
  if (typeof value !== 'string' || !isBase64(value)) {
    const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : describeType(value);
    throw new InvalidCloudEventError(`${label(member)} must be base64 text (RFC 4648), got ${got}`, member);
  }
  return dataFromBase64(value, typeof contentType === 'string' ? contentType : undefined);
}

function dataOf(member: JsonObject, attributes: Attributes, version: SpecVersion, label: Label): EventData {
  const data = member.data ?? undefined;
  const base64 = version === '1.0' ? (member.data_base64 ?? undefined) : undefined;
  if (data !== undefined && base64 !== undefined) {
    throw new InvalidCloudEventError(
      `${label('data')} and ${label('data_base64')} are both present; an event has one or the other`,
      'data_base64',
    );
  }
  if (base64 !== undefined) return base64Data('data_base64', base64, attributes.datacontenttype, label);
  const encoding = attributes.datacontentencoding;
  if (data !== undefined && typeof encoding === 'string' && encoding.toLowerCase() === 'base64') {
    return base64Data('data', data, attributes.datacontenttype, label);
  }
  return data === undefined ? {} : { data };
}

/**
 * Reads one event of the JSON format: the body in structured mode, or the `index`-th item of a batch.
 * @throws InvalidCloudEventError naming the attribute at fault
 */
export function fromJsonFormat(member: unknown, index?: number): CloudEvent {
  const label: Label = index === undefined ? (attribute) => attribute : (attribute) => `[${index}].${attribute}`;
  if (!isJsonObject(member)) {
    const where = index === undefined ? 'the body' : `[${index}]`;
    throw new InvalidCloudEventError(`${where}: a CloudEvent in the JSON format is an object, got ${describeType(member)}`);
  }
  // Entries, not assignment: a "__proto__" member stays an own key (and fails the name check).
  const attributes = Object.fromEntries(
    Object.entries(member).filter(([name, value]) => value !== null && !isDataMember(name, member.specversion)),
  );
  const version = checkAttributes(attributes, label);
  return { attributes, ...dataOf(member, attributes, version, label) };
}
