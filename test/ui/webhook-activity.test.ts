/**
 * A webhook's page over HTTP: the activity chart split by outcome, the delivery log with its hints
 * and links (a failure to its failure event, a stored request to its events), the outcome filter,
 * paging and the live fragment; where failures stand after a replay; the histogram axis' year.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axisTime } from '../../src/ui/histogram';
import { DELIVERY_PAGE_SIZE } from '../../src/ui/webhook-page';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { createUiClient, type UiClient } from './ui-client';

const TOKEN = 'shop-token-0123456789';
const TEMPLATE = '{"event": "shop.{{body.action}}", "resource": {"prefect.resource.id": "shop.order.{{body.id}}"}}';
/** Parses, but a request without `body.id` fails. */
const STRICT = TEMPLATE.replace('{{body.id}}', '{{required body.id}}');

describe('a webhook page\u2019s activity', () => {
  let t: TestApp;
  let ui: UiClient;
  let csrf: string;
  let id: string;
  let slug: string;

  beforeEach(async () => {
    t = createTestApp();
    ui = createUiClient((request) => t.app.fetch(request));
    await ui.signIn(TEST_TOKEN);
    csrf = await ui.csrf();
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'Shop', mapping: { kind: 'template', template: STRICT }, verify: { scheme: 'bearer', secrets: [TOKEN] } },
    });
    const body = (await created.json()) as { id: string; url: string };
    id = body.id;
    slug = body.url.split('/').pop() ?? '';
  });
  afterEach(() => t.close());

  const send = (body: string, token = TOKEN) =>
    t.app.request(`/hooks/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });

  /** The log is written just after the answer: reads the page until it holds `count` records (bounded). */
  async function pageWith(count: number, query = ''): Promise<string> {
    let html = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 40));
      html = await (await ui.request(`/ui/webhooks/${id}${query}`)).text();
      if ((html.match(/<tr class="delivery /g) ?? []).length >= count) break;
    }
    return html;
  }

  it('charts requests by outcome and lists them with hints, the failure event and the stored events', async () => {
    expect((await send('{"action": "paid", "id": 7}')).status).toBe(204);
    expect((await send('{"action": "paid"}')).status).toBe(400);
    expect((await send('{"action": "paid", "id": 8}', 'wrong-token-0123456789')).status).toBe(401);
    const html = await pageWith(3);

    expect(html).toMatch(/<title>3 from [^<]*: 1 stored, 1 failed, 1 rejected<\/title>/);
    expect(html).toContain('1 stored</li>');
    expect(html).toContain('1 failed (mapping error)</li>');
    expect(html).toContain('1 rejected (not accepted)</li>');

    const rows = [...html.matchAll(/<tr class="delivery outcome-(\w+)">(.*?)<\/tr>/g)].map((m) => ({
      outcome: m[1],
      html: m[2] ?? '',
    }));
    expect(rows.map((row) => row.outcome)).toEqual(['rejected', 'failed', 'stored']);
    const [rejected, failed, stored] = rows;
    expect(rejected?.html).toContain('signature-mismatch');
    expect(rejected?.html).toContain('The signature did not match');
    expect(rejected?.html).not.toContain('wrong-token');
    expect(failed?.html).toContain('template-render-failed');
    const failureEvent = /href="\/ui\/events\/([0-9a-f-]{36})">See the failure event/.exec(failed?.html ?? '')?.[1];
    expect((await (await t.api(`/api/events/${failureEvent}`)).json()).event).toBe('hookgate.webhook.failed');
    const eventId = /href="\/ui\/events\/([0-9a-f-]{36})" aria-label="Event /.exec(stored?.html ?? '')?.[1];
    expect((await (await t.api(`/api/events/${eventId}`)).json()).resource['prefect.resource.id']).toBe('shop.order.7');

    const onlyRejected = await pageWith(1, '?outcome=rejected');
    expect(onlyRejected.match(/<tr class="delivery /g)).toHaveLength(1);
    expect(onlyRejected).toContain('<option value="rejected" selected=""');

    type Live = { html: string; version: string };
    const poll = async () => (await (await ui.request(`/ui/webhooks/${id}/activity?outcome=failed`)).json()) as Live;
    const live = await poll();
    expect(live.html.match(/<tr class="delivery outcome-failed"/g)).toHaveLength(1);
    expect(live.html).toContain('id="activity-chart"');
    expect((await poll()).version).toBe(live.version);
    expect((await send('{"action": "paid", "id": 9}')).status).toBe(204);
    await pageWith(4);
    expect((await poll()).version).not.toBe(live.version);

    const week = await pageWith(3, '?range=week');
    expect(week).toContain('Requests, last 7 days');
    expect(week.match(/<g><title>/g)).toHaveLength(28);
  });

  it('pages through the log with older and newest links', async () => {
    for (let i = 0; i < DELIVERY_PAGE_SIZE + 2; i++) expect((await send('{}', 'wrong-token-0123456789')).status).toBe(401);
    const first = await pageWith(DELIVERY_PAGE_SIZE);
    expect(first.match(/<tr class="delivery /g)).toHaveLength(DELIVERY_PAGE_SIZE);
    const older = /href="([^"]+)">Older requests/.exec(first)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(older).toMatch(new RegExp(`^/ui/webhooks/${id}\\?before=\\d+#activity$`));
    // The log may still be writing the last records: wait for the whole count first.
    await pageWith(2, `${older.slice(older.indexOf('?'), older.indexOf('#'))}`);
    const second = await (await ui.request(older.slice(0, older.indexOf('#')))).text();
    expect(second.match(/<tr class="delivery /g)).toHaveLength(2);
    expect(second).toContain('>Newest requests</a>');
    expect(second).not.toContain('Older requests');
    expect(second).not.toContain('id="activity-live-toggle"');
  });

  it('counts a replayed failure as done and names the events it became, with the button disabled', async () => {
    expect((await send('{"action": "paid"}')).status).toBe(400);
    let html = await (await ui.request(`/ui/webhooks/${id}`)).text();
    expect(html).toContain('1 failed request stored, 1 to replay.');
    expect(html).toMatch(/<button type="submit">Replay failures<\/button>/);

    // Fixed: what the failure maps to now is not stored yet, so it is still to replay.
    await t.api(`/api/webhooks/${id}`, { method: 'PATCH', json: { mapping: { kind: 'template', template: TEMPLATE } } });
    html = await (await ui.request(`/ui/webhooks/${id}`)).text();
    expect(html).toContain('1 failed request stored, 1 to replay.');

    const replayed = await (await ui.post(`/ui/webhooks/${id}/replay`, { _csrf: csrf })).text();
    expect(replayed).toContain('Replayed 1 of 1 failed request');
    expect(replayed).toContain('1 failed request stored, 1 replayed, 0 to replay.');
    expect(replayed).toMatch(/<button type="submit" disabled="">Replay failures<\/button>/);
    const [, failure, event] =
      /href="\/ui\/events\/([0-9a-f-]{36})">Failure [0-9a-f]{8}<\/a> → <a href="\/ui\/events\/([0-9a-f-]{36})">/.exec(replayed) ??
      [];
    expect((await (await t.api(`/api/events/${failure}`)).json()).event).toBe('hookgate.webhook.failed');
    expect((await (await t.api(`/api/events/${event}`)).json()).event).toBe('shop.paid');

    // Reloading the page (no replay) says the same.
    html = await (await ui.request(`/ui/webhooks/${id}`)).text();
    expect(html).toContain('1 failed request stored, 1 replayed, 0 to replay.');
  });
});

describe('the histogram axis', () => {
  const at = (iso: string) => Date.parse(iso);
  const now = at('2026-12-07T12:00:00Z');

  it('leaves the year out within the current year, and shows it across years or in another year', () => {
    const thisYear = { startMs: at('2026-12-06T12:00:00Z'), endMs: at('2026-12-07T12:00:00Z') };
    expect(axisTime(thisYear.startMs, thisYear, now, 'UTC')).toBe('12-06 12:00');
    const across = { startMs: at('2025-12-31T12:00:00Z'), endMs: at('2026-01-01T12:00:00Z') };
    expect(axisTime(across.startMs, across, at('2026-01-01T12:00:00Z'), 'UTC')).toBe('2025-12-31 12:00');
    expect(axisTime(across.endMs, across, at('2026-01-01T12:00:00Z'), 'UTC')).toBe('2026-01-01 12:00');
    const lastYear = { startMs: at('2025-03-01T00:00:00Z'), endMs: at('2025-03-02T00:00:00Z') };
    expect(axisTime(lastYear.endMs, lastYear, now, 'UTC')).toBe('2025-03-02 00:00');
  });
});
