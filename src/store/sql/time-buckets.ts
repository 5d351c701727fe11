/**
 * Count-by time buckets, Prefect's way: every bucket is aligned to the PIVOT 2024-04-01T00:00Z
 * (a Monday), not to `since`; at most 1000 of them; none past the end of the current period.
 * @see https://github.com/PrefectHQ/prefect/blob/main/src/prefect/server/events/counting.py
 */
import { InputError } from '../../lib/errors';
import { formatTimestamp } from '../../lib/time';
import type { CountQuery, TimeUnit } from '../../schemas/filter';

export const PIVOT_MICROS = Date.UTC(2024, 3, 1) * 1000;
export const MAX_BUCKETS = 1000;

const SECOND_MICROS = 1_000_000;
const UNIT_MICROS: Record<TimeUnit, number> = {
  second: SECOND_MICROS,
  minute: 60 * SECOND_MICROS,
  hour: 3600 * SECOND_MICROS,
  day: 86_400 * SECOND_MICROS,
  week: 7 * 86_400 * SECOND_MICROS,
};

/** A bucket's bounds in microseconds, both inclusive (`end` is the next start − 1 µs). */
export interface Span {
  start: number;
  end: number;
}

export interface Buckets {
  /** Index of the first span counted from the pivot, as the SQL computes bucket numbers. */
  firstIndex: number;
  spans: Span[];
}

/** The unit and interval a count-by buckets by: the legacy `day` countable is `time` by one day. */
export function bucketing(query: Pick<CountQuery, 'countable' | 'time_unit' | 'time_interval'>): [TimeUnit, number] {
  return query.countable === 'day' ? ['day', 1] : [query.time_unit, query.time_interval];
}

/** Bucket width in whole microseconds (Python's timedelta rounds to microseconds too). */
export function bucketMicros(unit: TimeUnit, interval: number): number {
  return Math.max(1, Math.round(UNIT_MICROS[unit] * interval));
}

/** Throws 422 when `[since, until]` would make more than MAX_BUCKETS buckets. */
export function checkBucketCount(since: number, until: number, unit: TimeUnit, interval: number): void {
  const count = Math.ceil((until - since) / bucketMicros(unit, interval));
  if (count > MAX_BUCKETS) {
    throw new InputError(
      422,
      'too-many-buckets',
      `The given interval would create ${count} buckets, which is too many. ` +
        `Please increase the interval or reduce the time range to produce ${MAX_BUCKETS} buckets or fewer.`,
    );
  }
}

/** Last microsecond of the `unit` (second … week, weeks from Monday) that holds `now`. */
export function endOfPeriod(nowMicros: number, unit: TimeUnit): number {
  const size = UNIT_MICROS[unit];
  return PIVOT_MICROS + (Math.floor((nowMicros - PIVOT_MICROS) / size) + 1) * size - 1;
}

/** The buckets covering `[since, until]`; an `until` in the future stops at the end of the current period. */
export function bucketSpans(since: number, until: number, unit: TimeUnit, interval: number, nowMicros: number): Buckets {
  const width = bucketMicros(unit, interval);
  const end = until > nowMicros ? endOfPeriod(nowMicros, unit) : until;
  const firstIndex = Math.floor((since - PIVOT_MICROS) / width);
  const spans: Span[] = [];
  for (let start = PIVOT_MICROS + width * firstIndex; start < end; start += width) {
    spans.push({ start, end: start + width - 1 });
  }
  return { firstIndex, spans };
}

/** Python's `datetime.isoformat()` of a UTC instant: `…T00:18:22.500000+00:00`, no fraction when zero. */
export function isoLabel(micros: number): string {
  return formatTimestamp(micros).replace(/Z$/, '+00:00');
}
