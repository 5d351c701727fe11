/**
 * The feed over HTTP: day groups in the reader's zone, "load more" through `next_page`, the live
 * endpoint (only what is newer than the newest shown), the histogram, and one event's page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { createUiClient, type UiClient } from './ui-client';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function event(index: number, occurred: string, extra: Record<string, unknown> = {}) {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  return {
    id,
    occurred,
    event: `shop.order.${index % 2 ? 'paid' : 'created'}`,
    resource: { 'prefect.resource.id': `shop.order.${index}` },
    ...extra,
  };
}

describe('the feed pages', () => {
  let t: TestApp;
  let ui: UiClient;
  beforeEach(async () => {
    t = createTestApp({ now: () => NOW });
    ui = createUiClient((request) => t.app.fetch(request));
    await ui.signIn(TEST_TOKEN);
  });
  afterEach(() => t.close());

  const emit = async (events: unknown[]) =>
    expect((await t.api('/api/events', { method: 'POST', json: events })).status).toBe(204);

  it('groups events by the reader\u2019s day, newest first, and loads more through next_page', async () => {
    // 60 events, one a minute back from 11:59 UTC; two more at 23:30 UTC the day before (00:30 in Berlin).
    await emit(Array.from({ length: 60 }, (_, i) => event(i + 1, new Date(NOW - (i + 1) * 60_000).toISOString())));
    await emit([
      event(100, '2026-11-26T23:30:00Z', {
        related: [{ 'prefect.resource.id': 'shop.customer.7', 'prefect.resource.role': 'customer' }],
      }),
    ]);

    ui.cookies.set('hookgate_tz', 'Europe/Berlin');
    const html = await (await ui.request('/ui/events')).text();
    expect(html).toContain('61 events');
    expect(html.match(/class="event-row/g)).toHaveLength(50);
    expect(html.indexOf('shop.order.1<')).toBeLessThan(html.indexOf('shop.order.2<'));
    expect(html).toContain('data-day="2026-11-27"');
    const more = /data-more-url="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(more).toMatch(/^\/ui\/events\/more\?page-token=/);

    const page = (await (await ui.request(more, { headers: { accept: 'application/json' } })).json()) as Record<string, unknown>;
    expect(page).toMatchObject({ count: 11, moreUrl: null });
    // 23:30 UTC on the 26th is already the 27th in Berlin: one day section.
    expect(String(page.html).match(/<section class="day"/g)).toHaveLength(1);
    expect(page.html).toContain('aria-label="Filter by related customer shop.customer.7"');

    ui.cookies.set('hookgate_tz', 'UTC');
    const inUtc = (await (await ui.request(more)).json()) as { html: string };
    expect(inUtc.html).toContain('data-day="2026-11-26"');
  });

  it('filters from the URL, and keeps the filters on chips', async () => {
    await emit([
      event(1, '2026-11-27T11:00:00Z', {
        related: [{ 'prefect.resource.id': 'shop.customer.7', 'prefect.resource.role': 'customer' }],
      }),
      event(2, '2026-11-27T11:01:00Z'),
    ]);
    const html = await (await ui.request('/ui/events?event=shop.order.paid&event_match=name')).text();
    expect(html).toContain('1 event');
    expect(html).toContain('href="/ui/events?event=shop.order.paid&amp;event_match=name&amp;related=shop.customer.7"');
    const byChip = await (await ui.request('/ui/events?related=shop.customer.7')).text();
    expect(byChip.match(/class="event-row/g)).toHaveLength(1);
    const none = await (await ui.request('/ui/events?range=hour&q=nothing-like-this')).text();
    expect(none).toContain('No events match these filters');
  });

  it('answers live polls with the events stored since the page was made, in arrival order, and the histogram', async () => {
    await emit([event(3, '2026-11-27T10:00:00Z')]);
    const live = (path: string) => ui.request(path, { headers: { accept: 'application/json' } }).then((r) => r.json());
    const page = await (await ui.request('/ui/events')).text();
    const cursor = /data-live-cursor="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(cursor).not.toBe('');
    // Arrives after the page: one newer, one with an older timestamp of its own (a provider's).
    await emit([event(1, '2026-11-27T11:00:00.000001Z'), event(2, '2026-11-27T09:00:00Z')]);
    const update = (await live(`/ui/events/live?cursor=${encodeURIComponent(cursor)}`)) as Record<string, string | number>;
    expect(update.count).toBe(2);
    expect(update.html).toContain(event(1, '').id);
    expect(update.html).toContain(event(2, '').id);
    expect(update.html).not.toContain(event(3, '').id);
    expect(update.totalText).toBe('3 events');
    const bars = [...String(update.histogram).matchAll(/<title>(\d+) from/g)].map((m) => Number(m[1]));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(3);
    expect(bars.length).toBeLessThanOrEqual(61);
    expect(await live(`/ui/events/live?cursor=${encodeURIComponent(String(update.cursor))}`)).toMatchObject({
      count: 0,
      html: '',
    });
  });

  it('shows one event, and a failure\u2019s error, request and rendered text', async () => {
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: {
        name: 'orders',
        mapping: { kind: 'template', template: '{"event": "x", "resource": {"prefect.resource.id": {{json body.id}}}}' },
      },
    });
    const { slug } = (await created.json()) as { slug: string };
    const sent = await t.app.request(`/hooks/${slug}?shop=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"id": 5}',
    });
    expect(sent.status).toBe(400);
    const feed = await (await ui.request('/ui/events')).text();
    const id = /href="\/ui\/events\/([0-9a-f-]{36})"/.exec(feed)?.[1];
    const html = await (await ui.request(`/ui/events/${id}`)).text();
    expect(html).toContain('Why it failed');
    expect(html).toContain('invalid-event');
    expect(html).toContain('{&quot;id&quot;: 5}');
    expect(html).toContain('&quot;prefect.resource.id&quot;: 5');
    expect((await ui.request('/ui/events/00000000-0000-4000-8000-000000000999')).status).toBe(404);
    expect((await ui.request('/ui/events/not-an-id')).status).toBe(404);
  });
  it('answers a page token it did not sign with a page that leads back, and the script with problem+json', async () => {
    await emit(Array.from({ length: 3 }, (_, i) => event(i + 1, new Date(NOW - (i + 1) * 60_000).toISOString())));
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const page = await ui.request('/ui/events?event=shop.&page-token=forged', { headers: html });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('This page of events cannot be shown');
    expect(text).toContain('href="/ui/events?event=shop."');
    expect(text).toContain('name="csrf-token"');

    const more = await ui.request('/ui/events/more?page-token=forged', { headers: { accept: 'application/json' } });
    expect(more.status).toBe(403);
    expect(more.headers.get('content-type')).toBe('application/problem+json');
    expect(await more.json()).toMatchObject({ status: 403, code: 'invalid-page-token' });
  });
});
