/**
 * Standard Webhooks (Svix, Clerk, Resend, OpenAI…): `webhook-id`, `webhook-timestamp` and
 * `webhook-signature` (or their `svix-` twins). The signed content is `<id>.<timestamp>.<raw body>`;
 * the signature header is a space-separated list of `<version>,<base64>`: `v1` is HMAC-SHA256 under
 * a `whsec_` secret (base64 key), `v1a` is Ed25519 under a `whpk_` public key. Unknown versions are
 * ignored; any entry under any secret or key matches.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { type HmacFn, hmac, joinSigned } from './crypto';
import { anyEd25519 } from './ed25519';
import { fromBase64, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';
import { checkTimestamp } from './timestamp';

/** `webhook-` headers, or their `svix-` twins when only those are sent (Svix, Clerk, Resend). */
function headerPrefix(headers: Headers): 'webhook-' | 'svix-' {
  return headers.has('webhook-id') || !headers.has('svix-id') ? 'webhook-' : 'svix-';
}

/** `<id>.<timestamp>.<body>`: what Standard Webhooks senders sign, in pieces (the body is not copied). */
function standardSignedPieces(id: string, timestamp: string, body: Uint8Array): Uint8Array[] {
  return [utf8(`${id}.${timestamp}.`), body];
}

/** `<id>.<timestamp>.<body>` as one byte array. */
export function standardSignedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array {
  return joinSigned(standardSignedPieces(id, timestamp, body));
}

/** Key bytes of a configured secret or public key (`whsec_`/`whpk_` prefix optional, padding optional). */
export function keyBytes(text: string, prefix: 'whsec_' | 'whpk_'): Uint8Array {
  const bytes = fromBase64(text.startsWith(prefix) ? text.slice(prefix.length) : text);
  // The schema refuses keys that do not decode; an empty key here would be a bug, not input.
  if (!bytes || bytes.length === 0) throw new Error('a Standard Webhooks key that does not decode reached the verifier');
  return bytes;
}

function entries(header: string, version: string): (Uint8Array | undefined)[] {
  return header
    .split(' ')
    .filter((entry) => entry.startsWith(`${version},`))
    .map((entry) => fromBase64(entry.slice(version.length + 1)));
}

export async function verifyStandardWebhooks(
  settings: VerifyOf<'standard-webhooks'>,
  request: ReceivedRequest,
  sign: HmacFn = hmac,
): Promise<void> {
  const prefix = headerPrefix(request.headers);
  const id = requireHeader(request.headers, `${prefix}id`);
  const timestamp = requireHeader(request.headers, `${prefix}timestamp`);
  const signature = requireHeader(request.headers, `${prefix}signature`);
  const content = standardSignedPieces(id, timestamp, request.body);
  const publicKeys = (settings.publicKeys ?? []).map((key) => keyBytes(key, 'whpk_'));

  const [symmetric, asymmetric] = await Promise.all([
    anySignatureMatches(
      (settings.secrets ?? []).map((secret) => keyBytes(secret, 'whsec_')),
      [content],
      (key, data) => sign('sha256', key, data),
      entries(signature, 'v1'),
    ),
    // Ed25519 takes one buffer: joined only when there are keys to check it with.
    publicKeys.length > 0 ? anyEd25519(publicKeys, entries(signature, 'v1a'), joinSigned(content)) : false,
  ]);
  if (!symmetric && !asymmetric) throw mismatch(`the ${prefix}signature`);
  checkTimestamp(timestamp, `the ${prefix}timestamp header`, request.receivedAt, settings.toleranceSeconds);
}
