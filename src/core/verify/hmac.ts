/**
 * The generic `hmac` scheme: `header` holds `prefix` + encode(HMAC(secret, signed content)), or
 * several such signatures split by `separator`, or `key=value` fields (`headerFields`) holding the
 * signatures and the signed timestamp; or the signature is a field of the JSON body
 * (`signatureField`, Mailgun). The key is the secret's UTF-8 bytes, or its base64 decoding
 * (`secretEncoding`). GitHub, Shopify, Linear, Sentry, PagerDuty and Slack are this scheme with the
 * settings in `recipes.ts`; other presets (Zoom, Paddle, Twitch, Mailgun…) set the options in their
 * `preset.json`.
 */
import { VerifyError } from '../../lib/errors';
import { DEFAULT_TOLERANCE_SECONDS } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { requireBodyField } from './body-fields';
import { type HmacFn, hmac } from './crypto';
import { concatBytes, decodeSignature, fromBase64, utf8 } from './encoding';
import { readHeaderFields } from './header-fields';
import { mismatch, requireHeader } from './headers';
import { anySignatureMatches } from './match';
import { publicRequestUrl } from './public-url';
import type { HmacRecipe } from './recipes';
import { checkTimestamp } from './timestamp';

export interface HmacSettings extends HmacRecipe {
  secrets: readonly string[];
  toleranceSeconds?: number;
}

/** What `{timestamp}`, `{method}` and `{url}` stand for in a request. */
export interface SignedValues {
  timestamp?: string;
  method?: string;
  url?: string;
}

const PLACEHOLDER = /\{(body|timestamp|method|url|header:[^}]+|field:[^}]+)\}/g;

function placeholderValue(name: string, request: Pick<ReceivedRequest, 'headers' | 'body'>, values: SignedValues): Uint8Array {
  if (name === 'body') return request.body;
  if (name.startsWith('header:')) return utf8(requireHeader(request.headers, name.slice('header:'.length)));
  if (name.startsWith('field:')) return utf8(requireBodyField(request.body, name.slice('field:'.length)));
  const value = values[name as keyof SignedValues];
  if (value === undefined && name === 'timestamp')
    throw new VerifyError('signature-missing', 'the request has no signed timestamp');
  // verifyHmac always passes the method and the URL.
  if (value === undefined) throw new Error(`no value for {${name}} reached the signed content`);
  return utf8(value);
}

/** The bytes a recipe signs: its literal text, the raw body, header and body-field values and `values`, in order. */
export function signedContent(
  recipe: string,
  request: Pick<ReceivedRequest, 'headers' | 'body'>,
  values: SignedValues = {},
): Uint8Array {
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const match of recipe.matchAll(PLACEHOLDER)) {
    parts.push(utf8(recipe.slice(last, match.index)));
    parts.push(placeholderValue(match[1] ?? '', request, values));
    last = match.index + match[0].length;
  }
  parts.push(utf8(recipe.slice(last)));
  return concatBytes(...parts);
}

/** Decoded signatures; entries without the prefix or not in the encoding are dropped. */
function decodeAll(entries: readonly string[], settings: HmacSettings): Uint8Array[] {
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

/** The signed time as the request carries it (absent when its header is missing) and where it comes from. */
interface SignedTimestamp {
  text?: string;
  source: string;
}

/**
 * The signatures the header (or body field) holds, and the signed timestamp: a header field, else
 * the body's `timestampField`, else `timestampHeader`.
 */
function readSignatures(
  value: string,
  settings: HmacSettings,
  request: Pick<ReceivedRequest, 'headers' | 'body'>,
): { signatures: Uint8Array[]; timestamp?: SignedTimestamp } {
  let entries = settings.separator ? value.split(settings.separator) : [value];
  let timestamp: SignedTimestamp | undefined;
  if (settings.headerFields) {
    const fields = readHeaderFields(value, settings.headerFields);
    const key = settings.headerFields.timestamp;
    if (key !== undefined && fields.timestamp === undefined) throw mismatch(`the ${settings.header} header (no ${key} field)`);
    if (key !== undefined) timestamp = { text: fields.timestamp, source: `the ${settings.header} ${key} field` };
    entries = fields.signatures;
  }
  if (!timestamp && settings.timestampField) {
    const field = settings.timestampField;
    timestamp = { text: requireBodyField(request.body, field), source: `the body's ${field}` };
  }
  if (!timestamp && settings.timestampHeader) {
    const name = settings.timestampHeader;
    timestamp = { text: request.headers.get(name) ?? undefined, source: `the ${name} header` };
  }
  return { signatures: decodeAll(entries, settings), timestamp };
}

/** `publicUrl`: `HOOKGATE_PUBLIC_URL`, for recipes that sign `{url}`. */
export async function verifyHmac(
  settings: HmacSettings,
  request: ReceivedRequest,
  sign: HmacFn = hmac,
  publicUrl?: string,
): Promise<void> {
  const value = settings.signatureField
    ? requireBodyField(request.body, settings.signatureField)
    : requireHeader(request.headers, settings.header);
  const { signatures, timestamp } = readSignatures(value, settings, request);
  const content = signedContent(settings.signedContent, request, {
    timestamp: timestamp?.text,
    method: request.method.toUpperCase(),
    url: publicRequestUrl(publicUrl, request.url),
  });
  const keys = settings.secrets.map((secret) => keyOf(secret, settings)).filter((key) => key !== undefined);
  const ok = await anySignatureMatches(keys, [content], (key, data) => sign(settings.algorithm, key, data), signatures);
  if (!ok) throw mismatch(`the ${settings.header} signature`);
  if (!timestamp) return;
  checkTimestamp(
    // A missing timestamp header that nothing signed is found only now (signature-missing).
    timestamp.text ?? requireHeader(request.headers, settings.timestampHeader ?? ''),
    timestamp.source,
    request.receivedAt,
    settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    settings.timestampFormat,
  );
}
