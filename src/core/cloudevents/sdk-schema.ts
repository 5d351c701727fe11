/**
 * The CloudEvents 1.0 JSON schema check that ships with the `cloudevents` SDK, imported by path.
 * The package's entry point loads its transports, which need Node's `http`, `https`, `events` and
 * `util` (and `Buffer`); this precompiled ajv validator needs only ajv's pure-JS runtime and
 * ajv-formats' regular expressions — no Node module, no `new Function` — so it runs on Workers too.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/cloudevents.json
 */
import validateCloudEventSchema from 'cloudevents/dist/schema/v1.js';
import { describeType } from '../../schemas/json';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: { missingProperty?: string; format?: string };
  message?: string;
}

const FORMATS: Record<string, string> = {
  'uri-reference': 'a URI-reference (RFC 3986)',
  uri: 'an absolute URI (RFC 3986)',
  'date-time': 'an RFC 3339 timestamp with seconds and a time zone',
};

export interface SchemaIssue {
  attribute: string;
  message: string;
}

function clipped(value: unknown): string {
  return JSON.stringify(typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** The first way `attributes` break the CloudEvents 1.0 JSON schema (required, types, formats), if any. */
export function schemaIssue(attributes: Record<string, unknown>): SchemaIssue | undefined {
  if (validateCloudEventSchema(attributes)) return undefined;
  const [error] = ((validateCloudEventSchema as unknown as { errors?: AjvError[] }).errors ?? []) as AjvError[];
  if (!error) return { attribute: 'specversion', message: 'is not a valid CloudEvent' };
  if (error.keyword === 'required') {
    const attribute = error.params.missingProperty ?? 'specversion';
    return { attribute, message: 'is required' };
  }
  const attribute = error.instancePath.replace(/^\//, '') || 'specversion';
  const value = attributes[attribute];
  switch (error.keyword) {
    case 'type':
      return { attribute, message: `must be a string, got ${describeType(value)}` };
    case 'minLength':
      return { attribute, message: 'must not be empty' };
    case 'format':
      return {
        attribute,
        message: `must be ${FORMATS[error.params.format ?? ''] ?? error.params.format}, got ${clipped(value)}`,
      };
    default:
      return { attribute, message: error.message ?? 'is not valid' };
  }
}
