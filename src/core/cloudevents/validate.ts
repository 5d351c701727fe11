/**
 * Validation of context attributes, naming the attribute at fault. The SDK's 1.0 JSON schema checks
 * the required and core attributes (both versions share them); hookgate adds what it leaves out:
 * known spec versions, strict RFC 3339 times, RFC 2046 media types, attribute names, extension types.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#context-attributes
 * @see https://github.com/cloudevents/spec/blob/v0.3/spec.md#context-attributes
 */

import { parseTimestamp } from '../../lib/time';
import { describeType, isJsonObject } from '../../schemas/json';
import { schemaIssue } from './sdk-schema';
import { type Attributes, InvalidCloudEventError, SPEC_VERSIONS, type SpecVersion } from './types';

/** How an attribute is named in an error: `time`, `[2].time` (batch) or `ce-time` (binary mode). */
export type Label = (attribute: string) => string;

const CORE: Record<SpecVersion, ReadonlySet<string>> = {
  '1.0': new Set(['specversion', 'id', 'source', 'type', 'datacontenttype', 'dataschema', 'subject', 'time']),
  '0.3': new Set([
    'specversion',
    'id',
    'source',
    'type',
    'datacontenttype',
    'datacontentencoding',
    'schemaurl',
    'subject',
    'time',
  ]),
};
/** The attributes 0.3 shares with 1.0, with the same rules: 0.3 events are checked against the 1.0 schema on these. */
const SHARED = ['id', 'source', 'type', 'datacontenttype', 'subject', 'time'];
const NAME = /^[a-z0-9]+$/;
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
/** RFC 2046 (RFC 9110 syntax): `type/subtype` and `; name=value` parameters. */
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))*\\s*$`);
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

function fail(label: Label, attribute: string, message: string): never {
  throw new InvalidCloudEventError(`${label(attribute)} ${message}`, attribute);
}

function specVersionOf(attributes: Attributes, label: Label): SpecVersion {
  const version = attributes.specversion;
  if (version === undefined) fail(label, 'specversion', 'is required');
  if (typeof version !== 'string') fail(label, 'specversion', `must be a string, got ${describeType(version)}`);
  if (!(SPEC_VERSIONS as readonly string[]).includes(version)) {
    fail(label, 'specversion', `${JSON.stringify(version)} is not a supported spec version; hookgate reads "1.0" and "0.3"`);
  }
  return version as SpecVersion;
}

/** The CloudEvents type system: 1.0 has no maps or floats; 0.3 also allows maps. */
function checkExtension(name: string, value: unknown, version: SpecVersion, label: Label): void {
  if (typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX) return;
    fail(label, name, `must be an integer from ${INT32_MIN} to ${INT32_MAX}, got ${value}`);
  }
  if (version === '0.3' && isJsonObject(value)) return;
  fail(label, name, `must be a string, a boolean or an integer, got ${describeType(value)}`);
}

function nonEmptyText(attributes: Attributes, name: string, label: Label): void {
  const value = attributes[name];
  if (value === undefined) return;
  if (typeof value !== 'string') fail(label, name, `must be a string, got ${describeType(value)}`);
  if (value === '') fail(label, name, 'must not be empty');
}

/**
 * Checks the attributes of one event (data excluded) and returns its spec version.
 * @throws InvalidCloudEventError naming the first attribute at fault
 */
export function checkAttributes(attributes: Attributes, label: Label): SpecVersion {
  const version = specVersionOf(attributes, label);
  const core =
    version === '1.0'
      ? attributes
      : Object.fromEntries(SHARED.filter((name) => name in attributes).map((name) => [name, attributes[name]]));
  const issue = schemaIssue({ ...core, specversion: '1.0' });
  if (issue) fail(label, issue.attribute, issue.message);
  for (const name of Object.keys(attributes)) {
    if (!NAME.test(name)) {
      fail(label, name, 'is not a valid attribute name: names are lower-case letters (a-z) and digits (0-9)');
    }
    // Only a binary-mode header can get here with this name; the JSON format keeps it for the data.
    if (name === 'data') fail(label, name, 'is not an attribute name: the data is the body');
  }
  const time = attributes.time;
  if (typeof time === 'string' && parseTimestamp(time) === undefined) {
    fail(label, 'time', `must be an RFC 3339 timestamp with seconds and a time zone, got ${JSON.stringify(time.slice(0, 60))}`);
  }
  const type = attributes.datacontenttype;
  if (typeof type === 'string' && !MEDIA_TYPE.test(type)) {
    fail(
      label,
      'datacontenttype',
      `must be a media type such as "application/json" (RFC 2046), got ${JSON.stringify(type.slice(0, 60))}`,
    );
  }
  if (version === '0.3') {
    nonEmptyText(attributes, 'schemaurl', label);
    nonEmptyText(attributes, 'datacontentencoding', label);
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (!CORE[version].has(name)) checkExtension(name, value, version, label);
  }
  return version;
}
