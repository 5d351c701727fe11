/**
 * JWS recipes: the signature header is a compact JWS (HS256) signed with the webhook's secret, whose
 * claims name the issuer and the SHA-256 (hex) of the raw body (Netlify's `X-Webhook-Signature`).
 * Only HS256 is accepted: the algorithm comes from the recipe, never from the token's own header.
 * @see https://docs.netlify.com/site-deploys/deploy-notifications/#payload-signature
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 */
import { bytesEqual } from '../../lib/secrets';
import { isJsonObject } from '../../schemas/json';
import type { ReceivedRequest } from '../receive';
import { type HmacFn, hmac, sha256 } from './crypto';
import { fromBase64Url, toHex, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';

export interface JwsRecipe {
  header: string;
  issuer: string;
  /** The claim holding the hex SHA-256 of the body. */
  bodyHashClaim: string;
}

export const JWS_RECIPES: Readonly<Record<'netlify', JwsRecipe>> = {
  netlify: { header: 'x-webhook-signature', issuer: 'netlify', bodyHashClaim: 'sha256' },
};

const decoder = new TextDecoder();

function jsonPart(part: string | undefined): unknown {
  const bytes = part === undefined ? undefined : fromBase64Url(part);
  if (!bytes) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

export async function verifyJws(
  recipe: JwsRecipe,
  secrets: readonly string[],
  request: ReceivedRequest,
  sign: HmacFn = hmac,
): Promise<void> {
  const token = requireHeader(request.headers, recipe.header).trim();
  const [head, claims, signature, ...extra] = token.split('.');
  const header = jsonPart(head);
  const ok =
    extra.length === 0 &&
    isJsonObject(header) &&
    header.alg === 'HS256' &&
    (await anySignatureMatches(secrets, [utf8(`${head}.${claims}`)], (secret, data) => sign('sha256', secret, data), [
      fromBase64Url(signature ?? ''),
    ]));
  if (!ok) throw mismatch(`the ${recipe.header} token`);
  const payload = jsonPart(claims);
  const bodyHash = utf8(toHex(await sha256(request.body)));
  const claimed = isJsonObject(payload) ? payload[recipe.bodyHashClaim] : undefined;
  if (!isJsonObject(payload) || payload.iss !== recipe.issuer || typeof claimed !== 'string') {
    throw mismatch(`the ${recipe.header} token's claims`);
  }
  if (!bytesEqual(utf8(claimed.toLowerCase()), bodyHash)) throw mismatch(`the body's SHA-256 in ${recipe.header}`);
}
