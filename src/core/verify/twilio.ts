/**
 * Twilio: `X-Twilio-Signature` is base64 HMAC-SHA1, under the auth token, of the URL Twilio called
 * followed by the form parameters sorted by name (then value), each as `<name><value>`. A JSON body
 * is signed through the URL instead: it carries `bodySHA256=<hex sha256 of the body>`, checked too.
 * Twilio's own validators try the URL with and without the default port; so does this one.
 *
 * The URL Twilio called is the public one: the webhook's `url` setting (a proxy that rewrites the
 * path) plus the request's query, else `HOOKGATE_PUBLIC_URL` + path + query, else the request URL.
 * @see https://www.twilio.com/docs/usage/webhooks/webhooks-security#validating-signatures-from-twilio
 */

import { bytesEqual } from '../../lib/secrets';
import type { VerifyOf } from '../../schemas/verify';
import { bodyText, mediaType } from '../parse-body';
import type { ReceivedRequest } from '../receive';
import { type HmacFn, hmac, sha256 } from './crypto';
import { fromBase64, fromHex, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';
import { publicRequestUrl } from './public-url';

const AUTHORITY = /^(https?):\/\/([^/?#]*)(.*)$/is;
const PORT = /:\d+$/;

/** The URL as Twilio signed it, before port variants. */
export function twilioUrl(configured: string | undefined, publicBase: string | undefined, url: URL): string {
  if (configured) return `${configured}${url.search}`;
  return publicRequestUrl(publicBase, url);
}

/** `url` without any port, and with the scheme's default port when it has none (deduplicated). */
export function portVariants(url: string): string[] {
  const match = AUTHORITY.exec(url);
  if (!match) return [url];
  const [, scheme = '', authority = '', rest = ''] = match;
  const bare = authority.replace(PORT, '');
  const withPort = PORT.test(authority) ? authority : `${authority}:${scheme.toLowerCase() === 'https' ? 443 : 80}`;
  return [...new Set([`${scheme}://${bare}${rest}`, `${scheme}://${withPort}${rest}`])];
}

/** Form parameters as Twilio concatenates them: sorted by name, each name's distinct values sorted. */
export function sortedParams(form: URLSearchParams): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of form) {
    const values = byName.get(name) ?? new Set<string>();
    values.add(value);
    byName.set(name, values);
  }
  let out = '';
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...(byName.get(name) ?? [])].sort()) out += `${name}${value}`;
  }
  return out;
}

export async function verifyTwilio(
  settings: VerifyOf<'twilio'>,
  request: ReceivedRequest,
  publicBase: string | undefined,
  sign: HmacFn = hmac,
): Promise<void> {
  const signature = fromBase64(requireHeader(request.headers, 'x-twilio-signature').trim());
  const url = twilioUrl(settings.url, publicBase, request.url);
  const bodyHash = request.url.searchParams.get('bodySHA256');
  const isForm = mediaType(request.headers.get('content-type')) === 'application/x-www-form-urlencoded';
  const params = bodyHash === null && isForm ? sortedParams(new URLSearchParams(bodyText(request.body))) : '';

  const ok = await anySignatureMatches(
    settings.secrets,
    portVariants(url).map((variant) => utf8(`${variant}${params}`)),
    (secret, data) => sign('sha1', secret, data),
    [signature],
  );
  if (!ok) throw mismatch('the X-Twilio-Signature signature');
  if (bodyHash !== null) {
    const expected = fromHex(bodyHash.trim());
    if (!expected || !bytesEqual(await sha256(request.body), expected)) throw mismatch('the body’s bodySHA256 hash');
  }
}
