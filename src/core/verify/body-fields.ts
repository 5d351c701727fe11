/**
 * Values a sender puts inside the body it signs (Mailgun's `signature.timestamp`, `.token` and
 * `.signature`): read from the raw bytes, before the parse stage, by a dotted path into the JSON
 * body. A missing or non-text value is `signature-missing` (401), like a missing header.
 * @see https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
 */
import { VerifyError } from '../../lib/errors';
import { isJsonObject } from '../../schemas/json';

const decoder = new TextDecoder();

/** The body as JSON, once per request (several fields are read from one body). */
const parsedBodies = new WeakMap<Uint8Array, unknown>();

function jsonBody(body: Uint8Array): unknown {
  if (parsedBodies.has(body)) return parsedBodies.get(body);
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(body));
  } catch {
    value = undefined;
  }
  parsedBodies.set(body, value);
  return value;
}

/** The text at `path` (`a.b.c`, own properties only) of the JSON body; throws `signature-missing`. */
export function requireBodyField(body: Uint8Array, path: string): string {
  let node: unknown = jsonBody(body);
  for (const key of path.split('.')) {
    node = isJsonObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  }
  if (typeof node === 'number') return String(node);
  if (typeof node !== 'string' || node.trim() === '') {
    throw new VerifyError('signature-missing', `the body has no "${path}" field`);
  }
  return node;
}
