/**
 * Asymmetric signature recipes: ECDSA P-256 / SHA-256 over a recipe's signed content, under public
 * keys given as base64 SPKI DER, the signature a base64 DER `SEQUENCE { r, s }` (SendGrid's signed
 * Event Webhook). Several keys are tried (rotation); the signed timestamp is checked too.
 * @see https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import type { VerifyOf } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { ecdsaDerToRaw } from './der';
import { fromBase64 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { signedContent } from './hmac';
import { checkTimestamp } from './timestamp';

export interface EcdsaRecipe {
  header: string;
  timestampHeader: string;
  signedContent: string;
}

export const ECDSA_RECIPES: Readonly<Record<'sendgrid', EcdsaRecipe>> = {
  sendgrid: {
    header: 'x-twilio-email-event-webhook-signature',
    timestampHeader: 'x-twilio-email-event-webhook-timestamp',
    signedContent: '{header:x-twilio-email-event-webhook-timestamp}{body}',
  },
};

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** True when `signature` (raw `r || s`) verifies `content` under the SPKI key; a key that cannot be imported is not valid. */
async function ecdsaVerify(spki: Uint8Array, signature: Uint8Array, content: Uint8Array): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('spki', spki as BufferSource, P256, false, ['verify']);
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      signature as BufferSource,
      content as BufferSource,
    );
  } catch {
    return false;
  }
}

export async function verifyEcdsa(recipe: EcdsaRecipe, settings: VerifyOf<'sendgrid'>, request: ReceivedRequest): Promise<void> {
  const header = requireHeader(request.headers, recipe.header);
  const timestamp = requireHeader(request.headers, recipe.timestampHeader);
  const der = fromBase64(header.trim());
  const signature = der ? ecdsaDerToRaw(der, 32) : undefined;
  const content = signedContent(recipe.signedContent, request);
  const checks = settings.publicKeys.map((key) => {
    const spki = fromBase64(key.replace(/\s+/g, ''));
    return signature && spki ? ecdsaVerify(spki, signature, content) : Promise.resolve(false);
  });
  if (!(await Promise.all(checks)).includes(true)) throw mismatch(`the ${recipe.header} signature`);
  checkTimestamp(timestamp, `the ${recipe.timestampHeader} header`, request.receivedAt, settings.toleranceSeconds);
}
