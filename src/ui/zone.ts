/**
 * Times as the reader sees them: in the browser's time zone (a cookie the client script sets,
 * UTC until then), days for grouping, exact times for hovering, relative times for reading, and
 * `datetime-local` input read back in that zone. `Intl` only: the same on Node and Workers.
 */

export const ZONE_COOKIE = 'hookgate_tz';
export const DEFAULT_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 32;

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone a cookie names when `Intl` knows it, else UTC. */
export function validZone(name: string | undefined): string {
  if (!name || name.length > 64) return DEFAULT_ZONE;
  try {
    partsFormatter(name);
    return name;
  } catch {
    return DEFAULT_ZONE;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-27`: the day an instant falls on in `zone` (what the feed groups by). */
export function dayKey(ms: number, zone: string): string {
  const t = wallTime(ms, zone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** `Friday, 27 November 2026` for a day key. */
export function dayLabel(key: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${key}T00:00:00Z`));
}

/** `2026-11-27 09:22:00.047 (Europe/Berlin)`: the exact time, shown on hover. */
export function exactTime(ms: number, zone: string): string {
  const t = wallTime(ms, zone);
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${millis} (${zone})`;
}

/** `2026-11-27T09:22` in `zone`, the value of a `datetime-local` input. */
export function localInputValue(ms: number, zone: string): string {
  const t = wallTime(ms, zone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

/** The instant a `datetime-local` value (`YYYY-MM-DDTHH:MM[:SS]`) names in `zone`, or undefined. */
export function fromLocalInput(value: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0'] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  // The zone's offset at that moment; a second pass settles instants next to a DST change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const t = wallTime(guess, zone);
    const offset = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(guess / 1000) * 1000;
    guess = asUtc - offset;
  }
  return guess;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** `3 minutes ago`, `in 2 hours`, `now` (the client script keeps these current). */
export function relativeTime(ms: number, nowMs: number): string {
  const diff = ms - nowMs;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}
