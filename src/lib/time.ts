/**
 * Timestamps: RFC 3339 text in, microseconds since the epoch inside, canonical UTC text out.
 * Microseconds are kept exactly (JS Date stops at milliseconds), which Prefect's data needs.
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** The last texts read and written: a request reads and writes the same few timestamps again and again. */
const MEMO_SIZE = 4;
const parsedTexts: string[] = [];
const parsedMicros: (number | undefined)[] = [];
let parsedNext = 0;

/** Microseconds since the epoch of an RFC 3339 timestamp, or `undefined` when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  const hit = parsedTexts.indexOf(text);
  if (hit >= 0) return parsedMicros[hit];
  const micros = readTimestamp(text);
  parsedTexts[parsedNext] = text;
  parsedMicros[parsedNext] = micros;
  parsedNext = (parsedNext + 1) % MEMO_SIZE;
  return micros;
}

function readTimestamp(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', , sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const ms = date.getTime();
  if (date.getUTCDate() !== day) return undefined; // 2026-02-30 and the like
  let offsetMinutes = 0;
  if (sign) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  const result = (ms - offsetMinutes * 60_000) * 1000 + micros;
  return result >= MIN_MICROS && result <= MAX_MICROS ? result : undefined;
}

/**
 * Timestamps are kept as whole microseconds in a JS number, exact within ±2^53 µs of the epoch
 * (years 1685–2254): hookgate accepts the years 1700 to 2200, inclusive, once the offset is applied.
 */
export const MIN_YEAR = 1700;
export const MAX_YEAR = 2200;
const MIN_MICROS = Date.UTC(MIN_YEAR, 0, 1) * 1000;
const MAX_MICROS = Date.UTC(MAX_YEAR + 1, 0, 1) * 1000 - 1;

/** Microseconds of a timestamp already validated upstream; a bad one is a programming error. */
export function timestampMicros(text: string): number {
  const value = parseTimestamp(text);
  if (value === undefined) throw new Error(`not a timestamp: ${text}`);
  return value;
}

/** The whole second last formatted (`2026-03-27T00:00:00`), as a key and its text. */
let formattedSecond = Number.NaN;
let formattedPrefix = '';

/** Canonical UTC text: `2026-03-27T00:00:00Z`, or with six fraction digits when there is a fraction. */
export function formatTimestamp(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  const second = Math.floor(ms / 1000);
  // Date's text only when the second changes: a request formats the same second several times.
  if (second !== formattedSecond) {
    const iso = new Date(second * 1000).toISOString();
    // Years past 9999 (±YYYYYY) keep the slow path, whose odd text is kept as it was.
    if (iso.length !== 24) return formatSlowly(micros);
    formattedSecond = second;
    formattedPrefix = iso.slice(0, 19);
  }
  const fraction = (ms - second * 1000) * 1000 + rest;
  if (fraction === 0) return `${formattedPrefix}Z`;
  const digits = String(fraction);
  return `${formattedPrefix}.${digits.length >= 6 ? digits : '000000'.slice(digits.length) + digits}Z`;
}

function formatSlowly(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  const iso = new Date(ms).toISOString(); // 2026-03-27T00:00:00.123Z
  const whole = iso.slice(0, 19);
  const fraction = Number(iso.slice(20, 23)) * 1000 + rest;
  return fraction === 0 ? `${whole}Z` : `${whole}.${String(fraction).padStart(6, '0')}Z`;
}

/** Microseconds since the epoch of a JS millisecond clock reading. */
export function microsFromMillis(ms: number): number {
  return Math.round(ms * 1000);
}
