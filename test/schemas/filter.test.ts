import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/lib/time';
import { CountRequest, EventFilter, FilterRequest, resolveFilter } from '../../src/schemas/filter';

describe('EventFilter', () => {
  it('defaults to every event of the default window, newest first', () => {
    expect(EventFilter.parse({})).toEqual({ occurred: {}, order: 'DESC' });
  });

  it('rejects unknown keys at every level, as Prefect (extra="forbid") does', () => {
    expect(EventFilter.safeParse({ resource: { idd: ['x'] } }).success).toBe(false);
    expect(EventFilter.safeParse({ colour: 'red' }).success).toBe(false);
    expect(EventFilter.safeParse({ related: [{ id: ['a'] }, { nope: 1 }] }).success).toBe(false);
  });

  it('accepts explicit nulls for optional criteria', () => {
    const filter = EventFilter.parse({ resource: { distinct: true, id: null, id_prefix: null, labels: null }, event: null });
    expect(filter.resource).toEqual({ distinct: true, id: null, id_prefix: null, labels: null });
  });

  it('accepts one related filter or a list, and labels as a value or a list', () => {
    const filter = EventFilter.parse({ related: [{ labels: { a: 'x', b: ['y', '!z'] } }], any_resource: { id: ['r'] } });
    expect(filter.related).toEqual([{ labels: { a: 'x', b: ['y', '!z'] } }]);
  });

  it('normalises timestamps and event ids', () => {
    const filter = EventFilter.parse({
      occurred: { since: '2026-03-27T01:00:00+01:00' },
      id: { id: ['A0000000-0000-4000-8000-000000000000'] },
    });
    expect(filter.occurred.since).toBe('2026-03-27T00:00:00Z');
    expect(filter.id?.id).toEqual(['a0000000-0000-4000-8000-000000000000']);
  });

  it('rejects bad timestamps, ids, orders and text queries over 200 characters', () => {
    for (const bad of [
      { occurred: { since: 'yesterday' } },
      { id: { id: ['not-a-uuid'] } },
      { order: 'asc' },
      { text: { query: 'x'.repeat(201) } },
      { text: {} },
    ]) {
      expect(EventFilter.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('resolveFilter', () => {
  const now = parseTimestamp('2026-11-27T15:30:00.123456Z') as number;

  it('fills since = start of today (UTC) − 180 days and until = now', () => {
    const resolved = resolveFilter(EventFilter.parse({}), now);
    expect(resolved.occurred).toEqual({ since: '2026-05-31T00:00:00Z', until: '2026-11-27T15:30:00.123456Z' });
  });

  it('keeps the bounds it is given', () => {
    const occurred = { since: '2026-01-01T00:00:00Z', until: '2026-01-02T00:00:00Z' };
    expect(resolveFilter(EventFilter.parse({ occurred }), now).occurred).toEqual(occurred);
  });
});

describe('FilterRequest', () => {
  it('treats no body as the default filter and 50 events', () => {
    expect(FilterRequest.parse(undefined)).toEqual({ limit: 50 });
  });

  it('takes limits from 0 to 200 (Prefect Cloud) and rejects the rest', () => {
    for (const limit of [0, 1, 50, 51, 200]) expect(FilterRequest.safeParse({ limit }).success, String(limit)).toBe(true);
    for (const limit of [201, -1, 1.5, '10']) expect(FilterRequest.safeParse({ limit }).success, String(limit)).toBe(false);
  });

  it('ignores unknown keys of the body itself', () => {
    expect(FilterRequest.parse({ limit: 3, page: 2 })).toEqual({ limit: 3 });
  });
});

describe('CountRequest', () => {
  it('defaults to one-day buckets', () => {
    expect(CountRequest.parse({ filter: {} })).toMatchObject({ time_unit: 'day', time_interval: 1 });
  });

  it('requires a filter, a known unit and an interval of at least 0.01', () => {
    expect(CountRequest.safeParse({}).success).toBe(false);
    expect(CountRequest.safeParse({ filter: {}, time_unit: 'month' }).success).toBe(false);
    const tooSmall = CountRequest.safeParse({ filter: {}, time_interval: 0.009 });
    expect(tooSmall.error?.issues[0]?.message).toBe('must be at least 0.01');
    expect(CountRequest.safeParse({ filter: {}, time_interval: 0.01 }).success).toBe(true);
  });
});
