/**
 * Prefect's own filter, storage and count-by tests, as a table (../shared/fixtures/prefect-filters):
 * every case not flagged `quirk` runs against a real app over a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  type Case,
  type CountEntry,
  collectPages,
  expectCount,
  ids,
  loadCases,
  type Page,
  postEvents,
  postFilter,
  sorted,
} from './prefect-harness';

const table = loadCases();

/** Quirks (Prefect's accidental edge behaviour) that hookgate happens to share; the others are not copied. */
const MATCHED_QUIRKS = new Set([
  'related_role_empty_string_matches_primary',
  'resource_label_matching_is_case_sensitive',
  'resource_label_empty_string_value_matches_only_empty',
]);

/** hookgate's one deliberate difference: `limit` goes up to 200 (Prefect Cloud), so 201 is the first rejected. */
const LIMIT_OVERRIDES: Record<string, number> = { limit_above_50_is_rejected: 201 };

const cases = table.cases.filter((c) => !c.quirk || MATCHED_QUIRKS.has(c.name));

async function runFilter(t: TestApp, c: Case): Promise<void> {
  const limit = LIMIT_OVERRIDES[c.name] ?? c.limit;
  const response = await postFilter(t, c.no_body ? undefined : { filter: c.filter, ...(limit === undefined ? {} : { limit }) });
  if (c.expect_status !== undefined) {
    expect(response.status).toBe(c.expect_status);
    return;
  }
  expect(response.status, await response.clone().text()).toBe(200);
  const page = (await response.json()) as Page;
  if (c.expect_total !== undefined) expect(page.total).toBe(c.expect_total);
  if (c.expect_ids) expect(sorted(ids(page))).toEqual(sorted(c.expect_ids));
  if (c.expect_order) expect(ids(page)).toEqual(c.expect_order);
  if (c.expect_next_page !== undefined) expect(page.next_page !== null).toBe(c.expect_next_page);
  if (c.expect_next_page_matches) expect(page.next_page).toMatch(new RegExp(c.expect_next_page_matches));
  for (const id of c.expect_includes_ids ?? []) expect(ids(page)).toContain(id);
  for (const id of c.expect_excludes_ids ?? []) expect(ids(page)).not.toContain(id);
  if (c.expect_all_ids) {
    const pages = await collectPages(t, page);
    const all = pages.flatMap(ids);
    expect(new Set(all).size, 'no event on two pages').toBe(all.length);
    expect(sorted(all)).toEqual(sorted(c.expect_all_ids));
    for (const later of pages) expect(later.total).toBe(page.total);
  }
}

async function runPages(t: TestApp, c: Case): Promise<void> {
  const response = await postFilter(t, { filter: c.filter, limit: c.limit });
  expect(response.status).toBe(200);
  const pages = await collectPages(t, (await response.json()) as Page, c.max_pages);
  expect(pages.map((page) => page.events.length)).toEqual(c.expect_page_sizes);
  if (c.expect_pages) expect(pages.map(ids)).toEqual(c.expect_pages);
  for (const page of pages) expect(page.total).toBe(c.expect_total);
  if (c.max_pages === undefined) expect(pages.at(-1)?.next_page).toBeNull();
  if (c.expect_timestamps_utc_suffix) {
    for (const event of pages.flatMap((page) => page.events)) {
      expect(event.occurred).toMatch(/(Z|\+00:00)$/);
      expect(event.received).toMatch(/(Z|\+00:00)$/);
    }
  }
}

async function runNextPage(t: TestApp, c: Case): Promise<void> {
  const response = await t.api(`/api/events/filter/next?page-token=${encodeURIComponent(c.page_token ?? '')}`);
  expect(response.status).toBe(c.expect_status);
  expect(((await response.json()) as { code: string }).code).toBe('invalid-page-token');
}

async function countBy(t: TestApp, countable: string, body: unknown): Promise<Response> {
  return t.api(`/api/events/count-by/${countable}`, { method: 'POST', json: body });
}

async function runCount(t: TestApp, c: Case): Promise<void> {
  const response = await countBy(t, c.countable ?? '', c.body);
  if (c.expect_status !== undefined) {
    expect(response.status).toBe(c.expect_status);
    expect(await response.text()).toContain(c.expect_body_contains);
    return;
  }
  expect(response.status, await response.clone().text()).toBe(200);
  const counts = (await response.json()) as CountEntry[];
  if (c.expect_counts) {
    expect(counts).toHaveLength(c.expect_counts.length);
    for (const [i, expected] of c.expect_counts.entries()) expectCount(counts[i], expected, `bucket ${i}`);
  }
  const sparse = c.expect_counts_sparse;
  if (sparse) {
    expect(counts).toHaveLength(sparse.length);
    const checked = [...sparse.nonzero, ...(sparse.spot_checks ?? [])];
    for (const expected of checked) expectCount(counts[expected.index ?? -1], expected, `bucket ${expected.index}`);
    const nonzero = new Set(sparse.nonzero.map((entry) => entry.index));
    counts.forEach((count, i) => {
      if (!nonzero.has(i)) expect(count.count, `bucket ${i}`).toBe(sparse.all_other_counts);
    });
  }
  if (c.expect_counts_length !== undefined) expect(counts).toHaveLength(c.expect_counts_length);
  if (c.expect_counts_counts) expect(counts.map((count) => count.count)).toEqual(c.expect_counts_counts);
}

const RUNNERS: Record<Case['kind'], (t: TestApp, c: Case) => Promise<void>> = {
  filter: runFilter,
  pages: runPages,
  next_page: runNextPage,
  count: runCount,
};

describe('Prefect filter cases', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = createTestApp();
    await postEvents(t, table.events);
    await postEvents(
      t,
      table.events.filter((event) => table.reposts.includes(event.id as string)),
    );
  });
  afterAll(() => t.close());

  it('runs every case that is not an unmatched quirk', () => {
    expect(cases.length).toBe(table.cases.length - 6);
  });

  for (const c of cases) it(c.name, () => RUNNERS[c.kind](t, c));

  it('test_buckets_are_stable: bucket i of [second] is bucket i+3 of [first]', async () => {
    const buckets = async (part: string) => {
      const c = cases.find((x) => x.name === `test_buckets_are_stable[${part}]`) as Case;
      const counts = (await (await countBy(t, c.countable ?? '', c.body)).json()) as CountEntry[];
      return counts.map(({ value: _value, ...rest }) => rest);
    };
    const [first, second] = [await buckets('first'), await buckets('second')];
    expect(second.length).toBeGreaterThan(3);
    expect(second.slice(0, -3)).toEqual(first.slice(3, second.length));
  });
});

/** Replaces `{"$relative": {base, offset_s}}` with ISO text, from one `now`; drops `_` documentation keys. */
function resolveRelative(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRelative(item, nowMs));
  if (!value || typeof value !== 'object') return value;
  const relative = (value as { $relative?: { base: 'now' | 'start_of_day'; offset_s: number } }).$relative;
  if (relative) {
    const base = relative.base === 'now' ? nowMs : Math.floor(nowMs / 86_400_000) * 86_400_000;
    return new Date(base + relative.offset_s * 1000).toISOString();
  }
  const entries = Object.entries(value).filter(([key]) => !key.startsWith('_'));
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveRelative(item, nowMs)]));
}

describe('Prefect filter cases relative to the clock', () => {
  let t: TestApp;
  const nowMs = Date.now();
  const relative = resolveRelative(table.relative, nowMs) as typeof table.relative;

  beforeAll(async () => {
    t = createTestApp();
    await postEvents(t, relative.events);
  });
  afterAll(() => t.close());

  for (const c of relative.cases) it(c.name, () => RUNNERS[c.kind](t, c));
});
