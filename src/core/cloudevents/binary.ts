/**
 * Binary content mode: each attribute is a `ce-<name>` header (percent-encoded text), the data is the
 * body and `datacontenttype` is the `Content-Type`. Header values carry no types: every value is text.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#31-binary-content-mode
 */
import type { ParsedBody } from '../parse-body';
import { dataFromBody } from './data';
import type { CloudEvent } from './types';
import { checkAttributes, type Label } from './validate';

const PREFIX = 'ce-';

/** Header values are percent-encoded by conforming senders; one that does not decode is kept as sent. */
function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function hasCloudEventHeaders(headers: Headers): boolean {
  let found = false;
  headers.forEach((_value, name) => {
    found ||= name.startsWith(PREFIX);
  });
  return found;
}

const label: Label = (attribute) => (attribute === 'datacontenttype' ? 'Content-Type' : `${PREFIX}${attribute}`);

/**
 * Reads a binary-mode event from the request's headers and body.
 * @throws InvalidCloudEventError naming the attribute (as its header) at fault
 */
export function fromBinary(headers: Headers, body: Uint8Array, parsed: ParsedBody): CloudEvent {
  const entries: [string, string][] = [];
  headers.forEach((value, name) => {
    if (name.startsWith(PREFIX) && name !== `${PREFIX}datacontenttype`) {
      entries.push([name.slice(PREFIX.length), percentDecode(value.trim())]);
    }
  });
  // `datacontenttype` travels as Content-Type; a stray ce-datacontenttype is the fallback.
  const contentType = headers.get('content-type') ?? headers.get(`${PREFIX}datacontenttype`);
  if (contentType !== null) entries.push(['datacontenttype', contentType]);
  const attributes = Object.fromEntries(entries);
  checkAttributes(attributes, label);
  return { attributes, ...dataFromBody(body, contentType ?? undefined, parsed) };
}
