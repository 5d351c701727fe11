/**
 * Filter lists as SQL: however long a list, a statement binds the same parameters (each list is
 * one JSON array read with `json_each`), so D1's 100-parameter and depth-100 limits hold; and a
 * statement that still exceeds a SQLite limit is a 422, not a crash.
 */
import { describe, expect, it } from 'vitest';
import { EventFilter } from '../../../src/schemas/filter';
import { SQLITE } from '../../../src/store/sql/dialect';
import { countEvents, queryEvents } from '../../../src/store/sql/events';
import { whereClause } from '../../../src/store/sql/filter';
import { readEventsAfter } from '../../../src/store/sql/tail';
import type { SqlReader } from '../../../src/store/types';

const values = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

/** A filter with every list `count` long, as the store may be given it (the API refuses more than 200). */
function filterOf(count: number): EventFilter {
  return {
    ...EventFilter.parse({}),
    event: {
      prefix: values(count, (i) => `p${i}.`),
      exclude_prefix: values(count, (i) => `x${i}.`),
      name: values(count, (i) => `n${i}`),
    },
    resource: {
      id: values(count, (i) => `r${i}`),
      id_prefix: values(count, (i) => `rp${i}`),
      labels: { env: values(count, (i) => `e${i}`), kind: values(count, (i) => `k${i}*`), tier: values(count, (i) => `!t${i}`) },
      distinct: false,
    },
    related: {
      id: values(count, (i) => `rel${i}`),
      resources_in_roles: Array.from({ length: count }, (_, i) => [`rr${i}`, 'owner']),
      labels: { 'prefect.resource.id': values(count, (i) => `id.${i}.*`) },
    },
    any_resource: { id_prefix: values(count, (i) => `ap${i}`) },
    text: { query: values(Math.min(count, 60), (i) => `${['', '-', '+'][i % 3]}t${i}`).join(' ') },
  } as EventFilter;
}

/** The deepest nesting of parentheses in `sql`: a stand-in for the expression depth SQLite checks. */
function nesting(sql: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of sql) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    if (char === ')') depth -= 1;
  }
  return deepest;
}

describe('filter lists as SQL', () => {
  // Up to 10 ids or names are bound one by one (the planner knows them); from 11 on every list is one JSON array.
  it('binds the same parameters and nests as deep whether lists hold 11 values or 1,500', () => {
    const short = whereClause(filterOf(11));
    const long = whereClause(filterOf(1500));
    expect(long.params).toHaveLength(short.params.length);
    expect(long.sql.length).toBe(short.sql.length);
    expect(nesting(long.sql)).toBe(nesting(short.sql));
  });

  it('fits every list of that filter, 1,500 values each, in D1’s 100 parameters', () => {
    expect(whereClause(filterOf(1500)).params.length).toBeLessThan(60);
  });
});

describe('a statement past a SQLite limit', () => {
  /** A reader failing as D1 (or SQLite) does when a statement is too big. */
  const failing = (message: string): SqlReader => ({
    dialect: SQLITE,
    all: async () => {
      throw new Error(message);
    },
  });
  const filter = EventFilter.parse({ event: { prefix: ['a.', 'b.'] } });
  const query = {
    countable: 'event' as const,
    filter: { ...filter, occurred: { since: '2026-01-01T00:00:00Z', until: '2026-01-02T00:00:00Z' } },
  };
  const count = { ...query, time_unit: 'day' as const, time_interval: 1, nowMicros: 0 };

  it.each([
    'D1_ERROR: too many SQL variables at offset 250: SQLITE_ERROR',
    'Expression tree is too large (maximum depth 100)',
    'D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR',
    'D1_ERROR: statement too long: SQLITE_TOOBIG',
    'string or blob too big',
    'parser stack overflow',
  ])('answers "%s" with 422 filter-too-large', async (message) => {
    const expected = { status: 422, code: 'filter-too-large' };
    await expect(queryEvents(failing(message), filter, { limit: 10, offset: 0 })).rejects.toMatchObject(expected);
    await expect(countEvents(failing(message), count)).rejects.toMatchObject(expected);
    await expect(readEventsAfter(failing(message), filter, '1', 10)).rejects.toMatchObject(expected);
  });

  it('lets any other failure through unchanged', async () => {
    const failure = queryEvents(failing('D1_ERROR: Network connection lost.'), filter, { limit: 10, offset: 0 });
    await expect(failure).rejects.toThrow('D1_ERROR: Network connection lost.');
    await expect(failure).rejects.not.toMatchObject({ status: 422 });
  });
});
