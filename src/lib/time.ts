/**
 * Timestamps: RFC 3339 text in, microseconds since the epoch inside, canonical UTC text out.
 * Microseconds are kept exactly (JS Date stops at milliseconds), which Prefect's data needs.
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Microseconds since the epoch of an RFC 3339 timestamp, or `undefined` when it is not one. */
export function parseTimestamp(text: string): number | undefined {
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

/** Canonical UTC text: `2026-03-27T00:00:00Z`, or with six fraction digits when there is a fraction. */
export function formatTimestamp(micros: number): string {
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
