/**
 * Placing JSON values instead of their text: the template mapping parses what a template renders,
 * so `{{json body}}` printing 7 KB of body only for it to be parsed back is wasted work. While a
 * render takes values (budget.ts `withPlacements`), `{{json x}}` of a value parsed from text (the
 * request body, `jsonParse`'s result) prints a token, a JSON string no text can hold; after parsing
 * the (now small) output, each token that stands as a whole JSON value becomes the very value.
 * Where a token is not a whole value (inside a string, as a key…) or the output does not parse, the
 * caller falls back to the text, `materialise`d exactly as the text render prints it.
 */
import { jsonHeight, MAX_JSON_DEPTH, parsedTextChars, rememberParsed } from '../../schemas/json';
import { activePlacements, chargePlaced, type PlacedOutput } from './budget';
import { JsonText } from './values';

/**
 * Per process and random, so no request can know it and no text can forge a token. Made on first
 * use: Workers refuse random values in the global scope.
 */
let tokens: { nonce: string; pattern: RegExp } | undefined;

function tokenSyntax(): { nonce: string; pattern: RegExp } {
  if (!tokens) {
    const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    const nonce = `hookgate-placed-${random}:`;
    tokens = { nonce, pattern: new RegExp(`"${nonce}(\\d+)"`, 'g') };
  }
  return tokens;
}

/**
 * JSON text parsed and printed again is at most this many times as long as the text: strings and
 * literals never grow (escapes only shrink), whitespace goes, and a number grows at most from
 * `1e20` (4 characters) to `100000000000000000000` (21).
 */
const MAX_GROWTH = 6;

/**
 * The `text` of a placed value, made on first read. One function for every instance: an accessor
 * defined with a fresh closure each time would give each instance a hidden class of its own (V8
 * shares a transition only for the same getter), and those pile up until a full collection.
 */
function placedText(this: PlacedJson): string {
  return this.materialised();
}

/** `{{json x}}` of a value it may place: its text is made only when a helper reads it. */
class PlacedJson extends JsonText {
  readonly #value: object;
  readonly #bound: number;
  #text: string | undefined;

  constructor(value: object, bound: number) {
    super('');
    this.#value = value;
    this.#bound = bound;
    // An own property, as JsonText's: templates see the same `text` either way.
    Object.defineProperty(this, 'text', { get: placedText, enumerable: true, configurable: true });
  }

  materialised(): string {
    this.#text ??= JSON.stringify(this.#value);
    return this.#text;
  }

  override emit(): string {
    const placements = activePlacements();
    if (!placements) return super.emit();
    const token = `"${tokenSyntax().nonce}${placements.length}"`;
    placements.push(this.#value);
    chargePlaced(this.#bound, token.length);
    return token;
  }

  override chargeChars(): number {
    return this.#bound;
  }

  override toJSON(): unknown {
    return this.#value;
  }
}

/** The result of `{{json value}}`: placed while the render takes values and the value was parsed from text. */
export function jsonText(value: unknown): JsonText {
  const data = value instanceof JsonText ? value.toJSON() : (value ?? null);
  if (data !== null && typeof data === 'object' && activePlacements()) {
    const chars = parsedTextChars(data);
    if (chars !== undefined) return new PlacedJson(data, chars * MAX_GROWTH);
  }
  return new JsonText(JSON.stringify(data));
}

/** `jsonParse`'s result, remembered as parsed (so placeable) while the render takes values. */
export function placeable(value: unknown, textChars: number): unknown {
  if (value === null || typeof value !== 'object' || !activePlacements()) return value;
  const height = jsonHeight(value, MAX_JSON_DEPTH - 1);
  if (height !== undefined) rememberParsed(value, height, textChars);
  return value;
}

/** The text the render would have printed: each token replaced by its value's JSON text. */
export function materialise(output: PlacedOutput): string {
  if (output.placements.length === 0) return output.text;
  return output.text.replace(tokenSyntax().pattern, (_, index: string) => JSON.stringify(output.placements[Number(index)]));
}

/** Nesting the token search follows at most; deeper output goes the text way. */
const MAX_SEARCH_DEPTH = 2 * MAX_JSON_DEPTH;

class NotPlaced extends Error {}

/**
 * `parsed` (the output with tokens, parsed) with every token replaced by its value, or undefined
 * when a token does not stand as a whole JSON value exactly once (the caller then uses the text).
 */
export function placeValues(parsed: unknown, placements: readonly unknown[]): { value: unknown } | undefined {
  const { nonce } = tokenSyntax();
  const used = new Uint8Array(placements.length);
  let found = 0;
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') {
      if (!node.includes(nonce)) return node;
      const index = node.startsWith(nonce) ? Number(node.slice(nonce.length)) : Number.NaN;
      if (!Number.isInteger(index) || `${nonce}${index}` !== node || used[index] !== 0 || index >= placements.length) {
        throw new NotPlaced();
      }
      used[index] = 1;
      found++;
      return placements[index];
    }
    if (node === null || typeof node !== 'object') return node;
    if (depth > MAX_SEARCH_DEPTH) throw new NotPlaced();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        const next = visit(child, depth + 1);
        if (next !== child) node[i] = next;
      }
      return node;
    }
    const object = node as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (key.includes(nonce)) throw new NotPlaced();
      const child = object[key];
      const next = visit(child, depth + 1);
      // `__proto__` is an own key in parsed JSON: define it, an assignment would set the prototype.
      if (next !== child)
        Object.defineProperty(object, key, { value: next, writable: true, enumerable: true, configurable: true });
    }
    return node;
  };
  try {
    const value = visit(parsed, 0);
    return found === placements.length ? { value } : undefined;
  } catch (error) {
    if (error instanceof NotPlaced) return undefined;
    throw error;
  }
}
