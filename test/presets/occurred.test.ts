/**
 * `occurred` is the time the provider says the event happened, else the time of receipt: never
 * empty (a 400), never an object's or a commit's own time (issue 19). Regression cases for the
 * presets that got it wrong.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';

const NOW = '2026-03-27T12:00:00Z';
const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => Date.parse(NOW) });
});
afterAll(() => t.close());

/** Sends `body` to a new webhook made from `preset` (no verification) and returns its stored events. */
async function deliver(preset: string, body: unknown, headers: Record<string, string> = {}) {
  const created = await t.api('/api/webhooks', { method: 'POST', json: { name: preset, preset, verify: { scheme: 'none' } } });
  expect(created.status).toBe(201);
  const hook = (await created.json()) as { id: string; slug: string };
  const response = await t.app.request(`/hooks/${hook.slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.text()).toBe(204);
  return eventsOf(t.dbFile, hook);
}

function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as Record<string, unknown>;
}

describe('occurred', () => {
  it('is the time of receipt for a Stripe event without `created` (was "" and a 400)', async () => {
    const events = await deliver('stripe', { id: 'evt_1', object: 'event', type: 'customer.created', data: { object: {} } });
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });

  it('is the Stripe event’s `created` when it has one', async () => {
    const events = await deliver('stripe', { id: 'evt_2', type: 'customer.created', created: 1_700_000_000, data: {} });
    expect(events[0]?.occurred).toBe('2023-11-14T22:13:20Z');
  });

  it('is the time of receipt for a GitHub push, not its head commit’s (years-old) timestamp', async () => {
    const push = fixture('github/push/with-new-branch.json');
    expect((push.head_commit as { timestamp: string }).timestamp).toMatch(/^2019-/);
    const events = await deliver('github', push, { 'x-github-event': 'push', 'x-github-delivery': 'd-1' });
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });

  it('is the time of receipt for a GitLab push (commit times are not event times)', async () => {
    const events = await deliver('gitlab', fixture('gitlab/push.json'));
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });

  it('is the time of receipt for a Shopify webhook without X-Shopify-Triggered-At, not the order’s `updated_at`', async () => {
    const events = await deliver(
      'shopify',
      { id: 1, updated_at: '2019-01-01T00:00:00-05:00' },
      { 'x-shopify-topic': 'orders/updated' },
    );
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });

  it('is the time of receipt for a Slack event without `event_time` (was "" and a 400)', async () => {
    const events = await deliver('slack', {
      type: 'event_callback',
      team_id: 'T1',
      event: { type: 'app_mention', channel: 'C1' },
    });
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });

  it('is the time of receipt for an Alertmanager alert without `startsAt` (was "" and a 400)', async () => {
    const events = await deliver('alertmanager', {
      alerts: [{ status: 'firing', fingerprint: 'f1', labels: { alertname: 'A' } }],
    });
    expect(events.map((event) => event.occurred)).toEqual([NOW]);
  });
});
