import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from '../../../src/lib/time';
import { bucketSpans, checkBucketCount, endOfPeriod, isoLabel, PIVOT_MICROS } from '../../../src/store/sql/time-buckets';

const at = (text: string) => parseTimestamp(text) as number;
const LATER = at('2030-01-01T00:00:00Z');

describe('time buckets', () => {
  it('pivot is Monday 2024-04-01T00:00Z', () => {
    expect(formatTimestamp(PIVOT_MICROS)).toBe('2024-04-01T00:00:00Z');
    expect(new Date(PIVOT_MICROS / 1000).getUTCDay()).toBe(1);
  });

  it('aligns buckets to the pivot, not to since', () => {
    const { spans } = bucketSpans(at('2026-03-15T20:18:23Z'), at('2026-03-16T04:18:23Z'), 'second', 1800, LATER);
    expect(spans).toHaveLength(17);
    expect(formatTimestamp(spans[0]?.start ?? 0)).toBe('2026-03-15T20:00:00Z');
    expect(formatTimestamp(spans[0]?.end ?? 0)).toBe('2026-03-15T20:29:59.999999Z');
  });

  it('starts two-day buckets on days an even number of days after the pivot', () => {
    const { spans } = bucketSpans(at('2026-03-15T00:00:00Z'), at('2026-03-19T23:59:59.999999Z'), 'day', 2, LATER);
    expect(spans.map((span) => formatTimestamp(span.start))).toEqual([
      '2026-03-14T00:00:00Z',
      '2026-03-16T00:00:00Z',
      '2026-03-18T00:00:00Z',
    ]);
  });

  it('starts weeks on Monday', () => {
    const { spans } = bucketSpans(at('2026-03-15T00:00:00Z'), at('2026-03-19T00:00:00Z'), 'week', 1, LATER);
    expect(spans.map((span) => [formatTimestamp(span.start), formatTimestamp(span.end)])).toEqual([
      ['2026-03-09T00:00:00Z', '2026-03-15T23:59:59.999999Z'],
      ['2026-03-16T00:00:00Z', '2026-03-22T23:59:59.999999Z'],
    ]);
  });

  it('stops at the end of the current period when until is in the future', () => {
    const now = at('2026-03-18T10:15:00Z');
    expect(formatTimestamp(endOfPeriod(now, 'day'))).toBe('2026-03-18T23:59:59.999999Z');
    expect(formatTimestamp(endOfPeriod(now, 'week'))).toBe('2026-03-22T23:59:59.999999Z');
    expect(formatTimestamp(endOfPeriod(now, 'hour'))).toBe('2026-03-18T10:59:59.999999Z');
    const { spans } = bucketSpans(at('2026-03-16T00:00:00Z'), at('2026-03-25T00:00:00Z'), 'day', 1, now);
    expect(spans).toHaveLength(3);
  });

  it('labels buckets as Python isoformat does', () => {
    expect(isoLabel(at('2026-03-15T00:18:22.5Z'))).toBe('2026-03-15T00:18:22.500000+00:00');
    expect(isoLabel(at('2026-03-15T00:18:25Z'))).toBe('2026-03-15T00:18:25+00:00');
  });

  it('allows 1000 buckets and rejects more, saying how many', () => {
    const since = at('2026-02-01T00:00:00Z');
    expect(() => checkBucketCount(since, since + 1000 * 1_000_000, 'second', 1)).not.toThrow();
    expect(() => checkBucketCount(since, since + 1000 * 1_000_000 + 1, 'second', 1)).toThrow(
      'The given interval would create 1001 buckets, which is too many.',
    );
  });
});
