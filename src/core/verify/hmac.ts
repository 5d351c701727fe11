/**
 * The generic `hmac` scheme: `header` holds `prefix` + encode(HMAC(secret, signed content)), or
 * several such signatures split by `separator`. GitHub, Shopify, Linear, Sentry, PagerDuty and
 * Slack are this scheme with the settings in `recipes.ts`.
 */
import { DEFAULT_TOLERANCE_SECONDS } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { requireBodyField } from './body-fields';
import { type HmacFn, hmac } from './crypto';
import { concatBytes, decodeSignature, fromBase64, utf8 } from './encoding';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';
import type { HmacRecipe } from './recipes';
import { checkTimestamp } from './timestamp';

export interface HmacSettings extends HmacRecipe {
  secrets: readonly string[];
  toleranceSeconds?: number;
}

const PLACEHOLDER = /\{(body|header:[^}]+|field:[^}]+)\}/g;

/** The value a placeholder stands for: the raw body, a header, or a field of the JSON body. */
function placeholderValue(name: string, request: Pick<ReceivedRequest, 'headers' | 'body'>): Uint8Array {
  if (name === 'body') return request.body;
  if (name.startsWith('field:')) return utf8(requireBodyField(request.body, name.slice('field:'.length)));
  return utf8(requireHeader(request.headers, name.slice('header:'.length)));
}

/** The bytes a recipe signs: its literal text, the raw body, header and body-field values, in order. */
export function signedContent(recipe: string, request: Pick<ReceivedRequest, 'headers' | 'body'>): Uint8Array {
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of recipe.matchAll(PLACEHOLDER)) {
    parts.push(utf8(recipe.slice(last, match.index)));
    const name = match[1] ?? '';
    parts.push(placeholderValue(name, request));
    last = match.index + match[0].length;
  }
  parts.push(utf8(recipe.slice(last)));
  return concatBytes(...parts);
}

/** The signatures a header holds, decoded; entries without the prefix or not in the encoding are dropped. */
function signaturesIn(value: string, settings: HmacSettings): Uint8Array[] {
  const entries = settings.separator ? value.split(settings.separator) : [value];
  const out: Uint8Array[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (!trimmed.startsWith(settings.prefix)) continue;
    const bytes = decodeSignature(trimmed.slice(settings.prefix.length), settings.encoding);
    if (bytes) out.push(bytes);
  }
  return out;
}

/** A configured secret as the HMAC key: as it is, or its base64-decoded bytes. */
function keyOf(secret: string, settings: HmacSettings): string | Uint8Array {
  if (settings.secretEncoding !== 'base64') return secret;
  // The schema (Base64Secrets) refuses secrets that do not decode.
  return fromBase64(secret.trim()) ?? new Uint8Array(0);
}

export async function verifyHmac(settings: HmacSettings, request: ReceivedRequest, sign: HmacFn = hmac): Promise<void> {
  const header = settings.signatureField
    ? requireBodyField(request.body, settings.signatureField)
    : requireHeader(request.headers, settings.header);
  const content = signedContent(settings.signedContent, request);
  const signatures = signaturesIn(header, settings);
  const ok = await anySignatureMatches(
    settings.secrets.map((secret) => keyOf(secret, settings)),
    [content],
    (secret, data) => sign(settings.algorithm, secret, data),
    signatures,
  );
  if (!ok) throw mismatch(`the ${settings.header} signature`);
  const timestampSource = settings.timestampField ?? settings.timestampHeader;
  if (timestampSource) {
    const timestamp = settings.timestampField
      ? requireBodyField(request.body, settings.timestampField)
      : requireHeader(request.headers, timestampSource);
    checkTimestamp(
      timestamp,
      settings.timestampField ? `the body's ${timestampSource}` : `the ${timestampSource} header`,
      request.receivedAt,
      settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    );
  }
}
