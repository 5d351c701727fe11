/** How template values become text: JSON-string escaping, raw text, and JSON text that passes through. */
import { chargeText } from './budget';

/** Text that is already JSON (the result of `{{json x}}`): inserted as it is, never escaped again. */
export class JsonText {
  constructor(readonly text: string) {}
  /** What the output gets, charged to the budget: the text (a placed value: its token, placement.ts). */
  emit(): string {
    chargeText(this.text.length);
    return this.text;
  }
  /** Characters this counts for when a helper returns it. */
  chargeChars(): number {
    return this.text.length;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** `s` escaped so that it can stand between the quotes of a JSON string. */
export function escapeJsonString(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** A value as plain text: missing → "", scalars as written, objects and arrays as JSON. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof JsonText) return value.text;
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

/** Output of `{{x}}`: escaped for a JSON string; `{{json x}}` passes through. */
export function outputEscaped(value: unknown): string {
  if (value instanceof JsonText) return value.emit();
  const text = escapeJsonString(toText(value));
  chargeText(text.length);
  return text;
}

/** Output of `{{{x}}}`: raw text. */
export function outputRaw(value: unknown): string {
  if (value instanceof JsonText) return value.emit();
  const text = toText(value);
  chargeText(text.length);
  return text;
}

/** Handlebars' emptiness: missing, null, false, "", and empty arrays are empty; 0 is not. */
export function isEmpty(value: unknown): boolean {
  if (!value && value !== 0) return true;
  return Array.isArray(value) && value.length === 0;
}

/** Property names that lead off the data into the object model: never readable from a template. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Own-property lookup, as Handlebars does it by default, minus the forbidden names. */
export function lookupOwn(parent: unknown, key: unknown): unknown {
  if (parent === null || parent === undefined) return undefined;
  if (typeof parent !== 'object' && typeof parent !== 'string') return undefined;
  const name = String(key);
  if (FORBIDDEN_SEGMENTS.has(name) || !Object.hasOwn(Object(parent), name)) return undefined;
  return (parent as Record<string, unknown>)[name];
}
