/** The events API over real HTTP: filter, then follow the absolute `next_page` URL it returns. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type RunningServer, startServer, TEST_TOKEN, type TestApp } from '../helpers/app';
import type { Page } from './prefect-harness';

const occurred = { since: '2026-03-27T00:00:00Z', until: '2026-03-28T00:00:00Z' };
const EVENTS = Array.from({ length: 7 }, (_, i) => ({
  id: `e1000000-0000-4000-8000-00000000000${i}`,
  occurred: `2026-03-27T08:00:0${i}Z`,
  event: 'http.test',
  resource: { 'prefect.resource.id': `http.${i % 2}` },
}));

describe('events API over HTTP', () => {
  let t: TestApp;
  let server: RunningServer;
  const call = (url: string, body?: unknown) =>
    fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    t = createTestApp();
    server = await startServer(t.app);
    expect((await call(`${server.url}/api/events`, EVENTS)).status).toBe(204);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('pages through a filter by following next_page links as given', async () => {
    const filter = { occurred, order: 'ASC', resource: { id_prefix: ['http.'] } };
    let page = (await (await call(`${server.url}/api/events/filter`, { filter, limit: 3 })).json()) as Page;
    const ids = page.events.map((event) => event.id);
    while (page.next_page) {
      expect(page.next_page.startsWith(`${server.url}/api/events/filter/next?page-token=`)).toBe(true);
      const response = await call(page.next_page);
      expect(response.status).toBe(200);
      page = (await response.json()) as Page;
      expect(page.total).toBe(7);
      ids.push(...page.events.map((event) => event.id));
    }
    expect(ids).toEqual(EVENTS.map((event) => event.id));
  });

  it('filters by resource id and reads one event by id', async () => {
    const page = (await (
      await call(`${server.url}/api/events/filter`, { filter: { occurred, resource: { id: ['http.1'] } } })
    ).json()) as Page;
    expect(page.total).toBe(3);
    const one = await call(`${server.url}/api/events/${EVENTS[1]?.id}`);
    expect(((await one.json()) as { id: string }).id).toBe(EVENTS[1]?.id);
  });
});
