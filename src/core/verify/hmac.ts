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
import { createLru } from '../../lib/lru';
import { DEFAULT_TOLERANCE_SECONDS } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { requireBodyField } from './body-fields';
import { type HmacFn, hmac, joinSigned } from './crypto';
import { decodeSignature, fromBase64, utf8 } from './encoding';
import { readHeaderFields } from './header-fields';
import { mismatch, requireHeader } from './headers';
import { andThen, anySignatureMatches, type MaybePromise } from './match';
import { publicRequestUrl } from './public-url';
import type { HmacRecipe } from './recipes';
import { checkTimestamp } from './timestamp';

/** What a webhook adds to a recipe: its secrets (several while rotating) and its tolerance. */
export interface HmacKeys {
  secrets: readonly string[];
  toleranceSeconds?: number;
}

export type HmacSettings = HmacRecipe & HmacKeys;

/** What `{timestamp}`, `{method}` and `{url}` stand for in a request. */
export interface SignedValues {
  timestamp?: string;
  method?: string;
  url?: string;
}

/** One piece of a recipe's signed content: literal bytes, or a placeholder read from the request. */
type Piece =
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'body' }
  | { kind: 'header'; name: string }
  | { kind: 'field'; path: string }
  | { kind: 'value'; name: keyof SignedValues };

const PLACEHOLDER = /\{(body|timestamp|method|url|header:[^}]+|field:[^}]+)\}/g;

function pieceOf(name: string): Piece {
  if (name === 'body') return { kind: 'body' };
  if (name.startsWith('header:')) return { kind: 'header', name: name.slice('header:'.length) };
  if (name.startsWith('field:')) return { kind: 'field', path: name.slice('field:'.length) };
  return { kind: 'value', name: name as keyof SignedValues };
}

/** Recipes are few and not secret: each is split into pieces once (bounded, least recently used out). */
const RECIPE_CACHE_SIZE = 256;
const compiled = createLru<readonly Piece[]>(RECIPE_CACHE_SIZE);

function compile(recipe: string): readonly Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of recipe.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push({ kind: 'text', bytes: utf8(recipe.slice(last, match.index)) });
    pieces.push(pieceOf(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  if (last < recipe.length) pieces.push({ kind: 'text', bytes: utf8(recipe.slice(last)) });
  return pieces;
}

function signedValue(name: keyof SignedValues, values: SignedValues): string {
  const value = values[name];
  if (value === undefined && name === 'timestamp')
    throw new VerifyError('signature-missing', 'the request has no signed timestamp');
  // verifyHmac always passes the method and the URL.
  if (value === undefined) throw new Error(`no value for {${name}} reached the signed content`);
  return value;
}

/**
 * The bytes a recipe signs, in pieces hashed in order: its literal text, the raw body (itself, not
 * a copy), header and body-field values and `values` (made only when the recipe names one).
 */
export function signedPieces(
  recipe: string,
  request: Pick<ReceivedRequest, 'headers' | 'body'>,
  values: SignedValues | (() => SignedValues) = {},
): Uint8Array[] {
  const out: Uint8Array[] = [];
  let known = typeof values === 'function' ? undefined : values;
  for (const piece of compiled(recipe, () => compile(recipe))) {
    if (piece.kind === 'text') out.push(piece.bytes);
    else if (piece.kind === 'body') out.push(request.body);
    else if (piece.kind === 'header') out.push(utf8(requireHeader(request.headers, piece.name)));
    else if (piece.kind === 'field') out.push(utf8(requireBodyField(request.body, piece.path)));
    else {
      known ??= (values as () => SignedValues)();
      out.push(utf8(signedValue(piece.name, known)));
    }
  }
  return out;
}

/** The bytes a recipe signs, joined: its literal text, the raw body, header and body-field values and `values`, in order. */
export function signedContent(
  recipe: string,
  request: Pick<ReceivedRequest, 'headers' | 'body'>,
  values: SignedValues = {},
): Uint8Array {
  return joinSigned(signedPieces(recipe, request, values));
}

/** Decoded signatures; entries without the prefix or not in the encoding are dropped. */
function decodeAll(entries: readonly string[], settings: HmacRecipe): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (!trimmed.startsWith(settings.prefix)) continue;
    const bytes = decodeSignature(trimmed.slice(settings.prefix.length), settings.encoding);
    if (bytes) out.push(bytes);
  }
  return out;
}

/** The HMAC keys the secrets stand for; a base64 secret that does not decode gives no key (never matches). */
function keysOf(secrets: readonly string[], recipe: HmacRecipe): readonly (Uint8Array | string)[] {
  if (recipe.secretEncoding !== 'base64') return secrets;
  const keys: Uint8Array[] = [];
  for (const secret of secrets) {
    const key = fromBase64(secret.trim());
    if (key) keys.push(key);
  }
  return keys;
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
  settings: HmacRecipe,
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

/**
 * `recipe` with the webhook's `keys`; `publicUrl`: `HOOKGATE_PUBLIC_URL`, for recipes that sign
 * `{url}`. Synchronous (no promise) when `sign` is: every secret is tried on every signature either way.
 */
export function verifyHmac(
  recipe: HmacRecipe,
  keys: HmacKeys,
  request: ReceivedRequest,
  sign: HmacFn = hmac,
  publicUrl?: string,
): MaybePromise<void> {
  const value = recipe.signatureField
    ? requireBodyField(request.body, recipe.signatureField)
    : requireHeader(request.headers, recipe.header);
  const { signatures, timestamp } = readSignatures(value, recipe, request);
  const content = signedPieces(recipe.signedContent, request, () => ({
    timestamp: timestamp?.text,
    method: request.method.toUpperCase(),
    url: publicRequestUrl(publicUrl, request.url),
  }));
  const matched = anySignatureMatches(
    keysOf(keys.secrets, recipe),
    [content],
    (key, data) => sign(recipe.algorithm, key, data),
    signatures,
  );
  return andThen(matched, (ok) => {
    if (!ok) throw mismatch(`the ${recipe.header} signature`);
    if (!timestamp) return;
    checkTimestamp(
      // A missing timestamp header that nothing signed is found only now (signature-missing).
      timestamp.text ?? requireHeader(request.headers, recipe.timestampHeader ?? ''),
      timestamp.source,
      request.receivedAt,
      keys.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      recipe.timestampFormat,
    );
  });
}
