/**
 * A linear pre-parse scan of JSON text: how deep it nests, how many values it holds, how many items
 * its top-level array has — stopping at the first limit passed. Runs before `JSON.parse`, so a body
 * of a million keys or items is refused in one pass over its bytes, before any object, schema check
 * or error message is built per item. Only counts; `JSON.parse` still decides what is valid JSON.
 */

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Values, keys included (every `,` and opening bracket starts one more). */
  maxValues: number;
  /** Items of a top-level array (only when the text is one). */
  maxTopLevelItems?: number;
}

export interface JsonShapeExcess {
  limit: 'depth' | 'values' | 'items';
  max: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** Index just past the string whose opening quote is at `start` (or the text's length). */
function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The first limit `text` passes, or undefined when it stays within all of them. */
export function exceedsJsonShape(text: string, limits: JsonShapeLimits): JsonShapeExcess | undefined {
  const maxItems = limits.maxTopLevelItems ?? Number.POSITIVE_INFINITY;
  let depth = 0;
  let values = 1;
  let topLevelItems = 1;
  let topLevelArray = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth === 0) topLevelArray = code === OPEN_ARRAY;
      depth++;
      values++;
      if (depth > limits.maxDepth) return { limit: 'depth', max: limits.maxDepth };
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    } else if (code === COMMA) {
      values++;
      if (depth === 1 && topLevelArray && ++topLevelItems > maxItems) return { limit: 'items', max: maxItems };
    }
    if (values > limits.maxValues) return { limit: 'values', max: limits.maxValues };
    i++;
  }
  return undefined;
}
