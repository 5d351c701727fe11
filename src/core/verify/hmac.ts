/**
 * The generic `hmac` scheme: `header` holds `prefix` + encode(HMAC(secret, signed content)), or
 * several such signatures split by `separator`; the key is the secret's UTF-8 bytes, or its base64
 * decoding (`secretEncoding`). GitHub, Shopify, Linear, Sentry, PagerDuty and Slack are this scheme
 * with the settings in `recipes.ts`.
 */
import { DEFAULT_TOLERANCE_SECONDS } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
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

const PLACEHOLDER = /\{(body|header:[^}]+)\}/g;

/** The bytes a recipe signs: its literal text, the raw body and header values, in order. */
export function signedContent(recipe: string, request: Pick<ReceivedRequest, 'headers' | 'body'>): Uint8Array {
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of recipe.matchAll(PLACEHOLDER)) {
    parts.push(utf8(recipe.slice(last, match.index)));
    const name = match[1] ?? '';
    parts.push(name === 'body' ? request.body : utf8(requireHeader(request.headers, name.slice('header:'.length))));
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

/** The HMAC key a secret stands for; a base64 secret that does not decode gives no key (never matches). */
function keyOf(secret: string, settings: HmacSettings): Uint8Array | string | undefined {
  return settings.secretEncoding === 'base64' ? fromBase64(secret.trim()) : secret;
}

export async function verifyHmac(settings: HmacSettings, request: ReceivedRequest, sign: HmacFn = hmac): Promise<void> {
  const header = requireHeader(request.headers, settings.header);
  const content = signedContent(settings.signedContent, request);
  const signatures = signaturesIn(header, settings);
  const keys = settings.secrets.map((secret) => keyOf(secret, settings)).filter((key) => key !== undefined);
  const ok = await anySignatureMatches(keys, [content], (key, data) => sign(settings.algorithm, key, data), signatures);
  if (!ok) throw mismatch(`the ${settings.header} signature`);
  if (settings.timestampHeader) {
    const timestamp = requireHeader(request.headers, settings.timestampHeader);
    checkTimestamp(
      timestamp,
      `the ${settings.timestampHeader} header`,
      request.receivedAt,
      settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    );
  }
}
