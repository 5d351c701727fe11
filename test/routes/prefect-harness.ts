/** Reads Prefect's filter test table (../shared/fixtures/prefect-filters) and drives the events API with it. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseTimestamp } from '../../src/lib/time';
import type { TestApp } from '../helpers/app';

export interface CountEntry {
  value: string;
  label: string;
  count: number;
  start_time: string;
  end_time: string;
  index?: number;
}

export interface Case {
  name: string;
  kind: 'filter' | 'pages' | 'next_page' | 'count';
  quirk?: boolean;
  filter?: unknown;
  limit?: number;
  no_body?: boolean;
  expect_status?: number;
  expect_body_contains?: string;
  expect_total?: number;
  expect_ids?: string[];
  expect_order?: string[];
  expect_next_page?: boolean;
  expect_next_page_matches?: string;
  expect_all_ids?: string[];
  expect_includes_ids?: string[];
  expect_excludes_ids?: string[];
  max_pages?: number;
  expect_page_sizes?: number[];
  expect_pages?: string[][];
  expect_timestamps_utc_suffix?: boolean;
  page_token?: string;
  countable?: string;
  body?: unknown;
  expect_counts?: CountEntry[];
  expect_counts_sparse?: {
    length: number;
    nonzero: CountEntry[];
    spot_checks?: CountEntry[];
    all_other_counts: number;
  };
  expect_counts_length?: number;
  expect_counts_counts?: number[];
}

export interface CaseFile {
  events: Record<string, unknown>[];
  reposts: string[];
  cases: Case[];
  relative: { events: Record<string, unknown>[]; cases: Case[] };
}

export function loadCases(): CaseFile {
  const url = new URL('../../../shared/fixtures/prefect-filters/cases.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as CaseFile;
}

export interface Page {
  events: { id: string; occurred: string; received: string }[];
  total: number;
  next_page: string | null;
}

/** Posts events as `POST /api/events` (204 expected). */
export async function postEvents(t: TestApp, events: unknown[]): Promise<void> {
  const response = await t.api('/api/events', { method: 'POST', json: events });
  expect(response.status, await response.clone().text()).toBe(204);
}

export function postFilter(t: TestApp, body: unknown): Promise<Response> {
  return t.api('/api/events/filter', body === undefined ? { method: 'POST' } : { method: 'POST', json: body });
}

/** Follows an absolute `next_page` URL through the in-process app. */
export async function followNext(t: TestApp, nextPage: string): Promise<Page> {
  const url = new URL(nextPage);
  const response = await t.api(`${url.pathname}${url.search}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** Every page from `first` on, up to `maxPages`. */
export async function collectPages(t: TestApp, first: Page, maxPages = Number.POSITIVE_INFINITY): Promise<Page[]> {
  const pages = [first];
  let page = first;
  while (page.next_page && pages.length < maxPages) {
    page = await followNext(t, page.next_page);
    pages.push(page);
  }
  return pages;
}

export const ids = (page: Page): string[] => page.events.map((event) => event.id);
export const sorted = (values: readonly string[]): string[] => [...values].sort();

/** Count rows compared exactly, except that times are compared as instants. */
export function expectCount(actual: CountEntry | undefined, expected: CountEntry, where: string): void {
  expect(actual, where).toBeDefined();
  const { index: _index, start_time, end_time, ...rest } = expected;
  expect({ value: actual?.value, label: actual?.label, count: actual?.count }, where).toEqual(rest);
  expect(parseTimestamp(actual?.start_time ?? ''), `${where} start_time`).toBe(parseTimestamp(start_time));
  expect(parseTimestamp(actual?.end_time ?? ''), `${where} end_time`).toBe(parseTimestamp(end_time));
}
