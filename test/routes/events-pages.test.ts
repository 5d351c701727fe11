/** Paging: limits, `next_page` links, signed page tokens (403 for anything tampered with). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { type Page, postEvents, postFilter } from './prefect-harness';

const occurred = { since: '2026-03-27T00:00:00Z', until: '2026-03-28T00:00:00Z' };
const EVENTS = Array.from({ length: 5 }, (_, i) => ({
  id: `c1000000-0000-4000-8000-00000000000${i}`,
  occurred: `2026-03-27T10:00:0${i}Z`,
  event: 'page.test',
  resource: { 'prefect.resource.id': 'page.1' },
}));

/** The `page-token` of a `next_page` URL, decoded. */
const tokenOf = (nextPage: string) => new URL(nextPage).searchParams.get('page-token') as string;

/** A genuine token of another hookgate, one with a different admin token. */
async function foreignToken(): Promise<string> {
  const foreign = createTestApp({ adminToken: 'another-admin-token' });
  const call = (path: string, body: unknown) =>
    foreign.app.request(path, {
      method: 'POST',
      headers: { authorization: 'Bearer another-admin-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    expect((await call('/api/events', EVENTS)).status).toBe(204);
    const page = (await (await call('/api/events/filter', { filter: { occurred }, limit: 1 })).json()) as Page;
    return tokenOf(page.next_page as string);
  } finally {
    await foreign.close();
  }
}

describe('events paging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = createTestApp({ publicUrl: 'https://hooks.example.com/' });
    await postEvents(t, EVENTS);
  });
  afterAll(() => t.close());

  async function firstPage(limit: number): Promise<Page> {
    const response = await postFilter(t, { filter: { occurred }, limit });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  }

  const next = (token: string) => t.api(`/api/events/filter/next?page-token=${encodeURIComponent(token)}`);

  it('links the next page under the public URL, and stops at the total', async () => {
    const first = await firstPage(2);
    expect(first.next_page).toMatch(/^https:\/\/hooks\.example\.com\/api\/events\/filter\/next\?page-token=[A-Za-z0-9%]+$/);
    const second = (await (await next(tokenOf(first.next_page as string))).json()) as Page;
    const third = (await (await next(tokenOf(second.next_page as string))).json()) as Page;
    expect([first, second, third].map((page) => page.events.length)).toEqual([2, 2, 1]);
    expect([first, second, third].map((page) => page.total)).toEqual([5, 5, 5]);
    expect(third.next_page).toBeNull();
  });

  it('uses the request origin when no public URL is configured', async () => {
    const local = createTestApp();
    try {
      await postEvents(local, EVENTS);
      const page = (await (await postFilter(local, { filter: { occurred }, limit: 1 })).json()) as Page;
      expect(page.next_page).toMatch(/^http:\/\/localhost\/api\/events\/filter\/next\?page-token=/);
    } finally {
      await local.close();
    }
  });

  it('accepts limits 0…200 and answers 422 for 201 or a bad filter', async () => {
    expect((await postFilter(t, { filter: { occurred }, limit: 200 })).status).toBe(200);
    const empty = (await (await postFilter(t, { filter: { occurred }, limit: 0 })).json()) as Page;
    expect(empty).toMatchObject({ events: [], total: 5 });
    for (const body of [
      { filter: { occurred }, limit: 201 },
      { filter: { occurred }, limit: -1 },
      { filter: { occurred, event: { prefix: 'page.' } } },
      { filter: { occurred, nonsense: true } },
    ]) {
      const response = await postFilter(t, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('validation-failed');
    }
  });

  it('answers a POST without a body with the default filter (the last 180 days)', async () => {
    const response = await postFilter(t, undefined);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Page).total).toBe(0); // the fixture events are older
  });

  it('answers 403 invalid-page-token to a tampered, forged, foreign or missing token', async () => {
    const token = tokenOf((await firstPage(1)).next_page as string);
    const bytes = Uint8Array.from(atob(token), (char) => char.charCodeAt(0));
    const offset = new TextDecoder().decode(bytes).indexOf('"offset":1');
    bytes[offset + 9] = '3'.charCodeAt(0); // "offset":3, keeping the signature
    const tampered = btoa(String.fromCharCode(...bytes));
    const forged = btoa(JSON.stringify({ filter: { occurred }, total: 5, limit: 1, offset: 1 }));
    const foreign = await foreignToken();
    for (const bad of [tampered, forged, foreign, '', 'just-bad', token.slice(0, -8)]) {
      const response = await next(bad);
      expect(response.status, bad.slice(0, 30)).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('invalid-page-token');
    }
    expect((await t.api('/api/events/filter/next')).status).toBe(403);
    expect((await next(token)).status).toBe(200);
  });
});
