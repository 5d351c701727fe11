/**
 * The helpers templates may call (DESIGN §3): pure functions of their arguments, each total over
 * JSON values (a missing path is `undefined`), with errors that say which helper and why.
 */
import { base64ToBytes, bytesToBase64 } from '../../lib/base64';
import { isUuid, URL_NAMESPACE, uuidv5 } from '../../lib/ids';
import { formatTimestamp, parseTimestamp } from '../../lib/time';
import { chargeText, chargeWork, ensureRoom } from './budget';
import { BUILTIN_HELPERS, type Helper, type HelperOptions } from './builtins';
import { TemplateRenderError } from './errors';
import { jsonText, placeable } from './placement';
import { isEmpty, JsonText, lookupOwn, toText } from './values';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Splits Handlebars' trailing `options` argument off the values. */
function split(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

/** A helper over plain values; the text it returns is counted against the render budget. */
function valueHelper(fn: (values: unknown[], options: HelperOptions) => unknown): Helper {
  return (...args: unknown[]) => {
    const { values, options } = split(args);
    const result = fn(values, options);
    if (typeof result === 'string') chargeText(result.length);
    else if (result instanceof JsonText) chargeText(result.chargeChars());
    return result;
  };
}

function fail(helper: string, reason: string): never {
  throw new TemplateRenderError(`${helper}: ${reason}`);
}

/** A value as text, counted as work: a helper's work grows with the text it reads. */
function readText(value: unknown): string {
  const text = toText(value);
  chargeWork(text.length);
  return text;
}

/** Largest time JS dates can hold: ±8.64e15 ms, in microseconds. */
const MAX_DATE_MICROS = 8.64e18;

function truthy(value: unknown): boolean {
  return !isEmpty(value) && value !== 0;
}

/** Lenient: either alphabet, whitespace ignored (base64 copied out of a payload). */
function fromBase64(helper: string, text: string): Uint8Array {
  const bytes = base64ToBytes(text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
  return bytes ?? fail(helper, 'the value is not base64');
}

/** Seconds, milliseconds or microseconds since the epoch, told apart by size, or date text. */
function isoDate(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const numeric =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : undefined;
  if (numeric !== undefined && Number.isFinite(numeric)) {
    const magnitude = Math.abs(numeric);
    const micros = magnitude < 1e11 ? numeric * 1e6 : magnitude < 1e14 ? numeric * 1e3 : numeric;
    if (Math.abs(micros) > MAX_DATE_MICROS) fail('isoDate', `${numeric} is out of the range of dates`);
    return formatTimestamp(Math.round(micros));
  }
  if (typeof value === 'string') {
    const micros = parseTimestamp(value.trim());
    if (micros !== undefined) return formatTimestamp(micros);
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return formatTimestamp(ms * 1000);
  }
  return fail('isoDate', `cannot read ${JSON.stringify(toText(value)).slice(0, 80)} as a date`);
}

const FLOW_RUN_PREFIX = 'prefect.flow-run.';

export const HELPERS: Record<string, Helper> = {
  ...BUILTIN_HELPERS,
  json: valueHelper(([value]) => jsonText(value)),
  /** Strict access: a missing value is an error that names the path, instead of rendering empty. */
  required: valueHelper(([value, what]) => {
    if (value === undefined || value === null || value === '') fail('required', `${toText(what) || 'a value'} is missing`);
    return value;
  }),
  default: valueHelper((values) => values.find((v) => v !== undefined && v !== null && v !== '') ?? ''),
  eq: valueHelper(([a, b]) => a === b),
  ne: valueHelper(([a, b]) => a !== b),
  and: valueHelper((values) => values.length > 0 && values.every(truthy)),
  or: valueHelper((values) => values.some(truthy)),
  not: valueHelper(([value]) => !truthy(value)),
  lower: valueHelper(([value]) => readText(value).toLowerCase()),
  upper: valueHelper(([value]) => readText(value).toUpperCase()),
  truncate: valueHelper(([value, length]) => {
    const max = Number(length);
    if (!Number.isInteger(max) || max < 0) fail('truncate', 'the length must be a whole number ≥ 0');
    return Array.from(readText(value)).slice(0, max).join('');
  }),
  replace: valueHelper(([value, search, replacement]) => {
    const needle = toText(search);
    if (needle === '') fail('replace', 'the text to replace must not be empty');
    const text = readText(value);
    const by = toText(replacement);
    ensureRoom(text.length + (text.split(needle).length - 1) * Math.max(0, by.length - needle.length));
    return text.replaceAll(needle, by);
  }),
  concat: valueHelper((values) => values.map(readText).join('')),
  join: valueHelper(([list, separator]) => {
    if (list === undefined || list === null) return '';
    if (!Array.isArray(list)) fail('join', 'the value is not an array');
    const items = list.map(readText);
    const by = separator === undefined ? ',' : toText(separator);
    ensureRoom(items.reduce((sum, item) => sum + item.length, 0) + Math.max(0, items.length - 1) * by.length);
    return items.join(by);
  }),
  split: valueHelper(([value, separator]) =>
    value === undefined || value === null ? [] : readText(value).split(separator === undefined ? ',' : toText(separator)),
  ),
  // Characters as `truncate` counts them (code points), so `{{truncate s (length s)}}` is `s`.
  length: valueHelper(([value]) =>
    typeof value === 'string'
      ? Array.from(readText(value)).length
      : Array.isArray(value)
        ? value.length
        : value && typeof value === 'object'
          ? Object.keys(value).length
          : 0,
  ),
  jsonParse: valueHelper(([value]) => {
    if (value === undefined || value === null || value === '') return undefined;
    const text = readText(value);
    try {
      return placeable(JSON.parse(text), text.length);
    } catch (error) {
      return fail('jsonParse', `the value is not JSON (${(error as Error).message})`);
    }
  }),
  base64: valueHelper(([value]) => bytesToBase64(encoder.encode(readText(value)))),
  base64Decode: valueHelper(([value]) => {
    try {
      return decoder.decode(fromBase64('base64Decode', readText(value)));
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      return fail('base64Decode', 'the decoded bytes are not UTF-8 text');
    }
  }),
  isoDate: valueHelper(([value]) => isoDate(value)),
  uuid5: valueHelper((values) => {
    if (values.length === 0) fail('uuid5', 'needs a name, e.g. {{uuid5 body.id}}');
    const [first, ...rest] = values.map(readText);
    if (rest.length > 0 && first !== undefined && isUuid(first)) return uuidv5(first, rest.join(':'));
    return uuidv5(URL_NAMESPACE, [first, ...rest].join(':'));
  }),
  header: valueHelper(([name], options) => {
    const headers = lookupOwn(options.data?.root, 'headers');
    return lookupOwn(headers, toText(name).toLowerCase());
  }),
  flowRunId: valueHelper(([value]) => {
    const text = toText(value).trim();
    const id = text.startsWith(FLOW_RUN_PREFIX) ? text.slice(FLOW_RUN_PREFIX.length) : text;
    return isUuid(id) ? `${FLOW_RUN_PREFIX}${id.toLowerCase()}` : '';
  }),
};

export const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(HELPERS));
