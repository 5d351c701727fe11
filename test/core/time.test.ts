import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from '../../src/lib/time';

describe('timestamps', () => {
  it.each([
    ['2026-03-27T00:00:00Z', '2026-03-27T00:00:00Z'],
    ['2026-03-27T02:30:00.5+02:30', '2026-03-27T00:00:00.500000Z'],
    ['2026-03-27 00:00:00.1234567z', '2026-03-27T00:00:00.123456Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00Z'],
    ['1969-12-31T23:59:59.999999Z', '1969-12-31T23:59:59.999999Z'],
    ['1700-01-01T00:00:00Z', '1700-01-01T00:00:00Z'],
    ['2200-12-31T23:59:59.999999Z', '2200-12-31T23:59:59.999999Z'],
  ])('reads %s as %s, to the microsecond', (text, canonical) => {
    const micros = parseTimestamp(text);
    expect(micros).toBeDefined();
    expect(formatTimestamp(micros as number)).toBe(canonical);
  });

  it.each([
    ['no time zone', '2026-03-27T00:00:00'],
    ['a day that does not exist', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-03-27T24:00:00Z'],
    ['a year Date.UTC would move to the 1900s', '0050-06-01T00:00:00Z'],
    ['before 1700 once the offset is applied', '1700-01-01T00:00:00+00:01'],
    ['after 2200 once the offset is applied', '2200-12-31T23:59:59-23:59'],
    ['a year past 9999 once the offset is applied', '9999-12-31T23:59:59-23:59'],
    ['not a timestamp', 'yesterday'],
  ])('refuses %s', (_why, text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
