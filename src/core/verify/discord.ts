/**
 * Discord (interactions and webhook events): `X-Signature-Ed25519` is the hex Ed25519 signature of
 * `X-Signature-Timestamp` + raw body under the application's public key (hex, shown on the app's
 * page). The timestamp is also checked against the tolerance, against replays.
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { anyEd25519 } from './ed25519';
import { concatBytes, fromHex, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { checkTimestamp } from './timestamp';

export async function verifyDiscord(settings: VerifyOf<'discord'>, request: ReceivedRequest): Promise<void> {
  const signature = requireHeader(request.headers, 'x-signature-ed25519');
  const timestamp = requireHeader(request.headers, 'x-signature-timestamp');
  const keys = settings.publicKeys.map((key) => fromHex(key) ?? new Uint8Array(0));
  const ok = await anyEd25519(keys, [fromHex(signature.trim())], concatBytes(utf8(timestamp), request.body));
  if (!ok) throw mismatch('the X-Signature-Ed25519 signature');
  checkTimestamp(timestamp, 'the X-Signature-Timestamp header', request.receivedAt, settings.toleranceSeconds);
}
