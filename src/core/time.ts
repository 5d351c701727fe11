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
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2026-02-30 and the like
  let offsetMinutes = 0;
  if (sign) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  return (ms - offsetMinutes * 60_000) * 1000 + micros;
}

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
