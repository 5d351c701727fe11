/**
 * Real provider payloads (../shared/fixtures) sent over real HTTP, with the provider's content type
 * and routing headers, to webhooks mapped by the readable templates in test/fixtures/templates:
 * each request becomes exactly the expected events, stored and read back from the store.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryEventId } from '../../src/lib/ids';
import { TEST_TOKEN } from '../helpers/app';
import {
  type CreatedWebhook,
  createWebhook,
  eventsOf,
  providerFixture,
  type RawEvent,
  type ServedApp,
  serveTestApp,
  webhookResource,
} from '../helpers/hooks';

/** The clock of the app under test: events without a timestamp of their own occur at receipt. */
const NOW = '2026-03-27T12:00:00Z';
const EVENT_KEYS = ['event', 'follows', 'id', 'occurred', 'payload', 'received', 'related', 'resource'];

function template(name: string): string {
  return readFileSync(new URL(`../fixtures/templates/${name}.hbs`, import.meta.url), 'utf8');
}

let served: ServedApp;

beforeAll(async () => {
  served = await serveTestApp({ now: () => Date.parse(NOW) });
});

afterAll(async () => {
  await served?.stop();
});

/** Sends a fixture as its provider does: its content type, its routing headers, plus `extra` headers. */
async function deliver(webhook: CreatedWebhook, path: string, extra: Record<string, string> = {}): Promise<Response> {
  const fixture = providerFixture(path);
  return fetch(webhook.url, {
    method: 'POST',
    headers: { 'content-type': fixture.contentType, ...fixture.headers, ...extra },
    body: fixture.body,
  });
}

async function expectDelivered(response: Response): Promise<void> {
  const text = await response.text();
  expect({ status: response.status, text }).toEqual({ status: 204, text: '' });
}

/** The events stored for a webhook, each checked against the store's own reader. */
async function storedFor(webhook: CreatedWebhook): Promise<RawEvent[]> {
  const events = eventsOf(served.dbFile, webhook);
  for (const event of events) {
    expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
    expect(event.follows).toBeNull();
    expect(event.received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/);
    expect(await served.deps.store.readEvent(event.id)).toEqual(event);
  }
  return events;
}

describe('GitHub (one template for every event)', () => {
  let github: CreatedWebhook;
  const PUSH_DELIVERY = '9f1c2a30-7b1e-11ee-8f4a-6a1f0c2e5d11';
  const PR_DELIVERY = 'a83d4e52-7b1e-11ee-9c3b-0e7d6f1a2b33';

  beforeAll(async () => {
    github = await createWebhook(served.base, {
      name: 'GitHub Codertocat/Hello-World',
      mapping: { kind: 'template', template: template('github') },
      idFrom: 'header:x-github-delivery',
    });
    expect(github.url).toBe(`${served.base}/hooks/${github.slug}`);
  });

  it('maps a push to github.push on the repository', async () => {
    await expectDelivered(await deliver(github, 'github/push/default.json', { 'X-GitHub-Delivery': PUSH_DELIVERY }));
    const [event, ...others] = await storedFor(github);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      id: deliveryEventId(github.id, PUSH_DELIVERY, 0),
      event: 'github.push',
      occurred: '2019-05-15T15:20:57Z',
      resource: {
        'prefect.resource.id': 'github.repository.Codertocat/Hello-World',
        'prefect.resource.name': 'Codertocat/Hello-World',
        'github.url': 'https://github.com/Codertocat/Hello-World',
        'github.delivery': PUSH_DELIVERY,
      },
      related: [
        {
          'prefect.resource.id': 'github.user.Codertocat',
          'prefect.resource.role': 'sender',
          'prefect.resource.name': 'Codertocat',
        },
        webhookResource(github),
      ],
      payload: {
        ref: 'refs/tags/simple-tag',
        before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        after: '0000000000000000000000000000000000000000',
        deleted: true,
        commits: 0,
        pusher: { name: 'Codertocat', email: '21031067+Codertocat@users.noreply.github.com' },
      },
    });
    expect(Object.keys(event?.resource ?? {})).toHaveLength(4);
    expect(Object.keys(event?.payload ?? {})).toHaveLength(6);
  });

  it('stores a redelivered push once', async () => {
    await expectDelivered(await deliver(github, 'github/push/default.json', { 'X-GitHub-Delivery': PUSH_DELIVERY }));
    expect((await storedFor(github)).map((event) => event.event)).toEqual(['github.push']);
  });

  it('maps pull_request.opened with the pull request as related resource', async () => {
    await expectDelivered(await deliver(github, 'github/pull_request/opened.json', { 'X-GitHub-Delivery': PR_DELIVERY }));
    const events = await storedFor(github);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      id: deliveryEventId(github.id, PR_DELIVERY, 0),
      event: 'github.pull_request.opened',
      occurred: '2019-05-15T15:20:33Z',
      received: events[1]?.received,
      follows: null,
      resource: {
        'prefect.resource.id': 'github.repository.Codertocat/Hello-World',
        'prefect.resource.name': 'Codertocat/Hello-World',
        'github.url': 'https://github.com/Codertocat/Hello-World',
        'github.delivery': PR_DELIVERY,
      },
      related: [
        {
          'prefect.resource.id': 'github.pull_request.Codertocat/Hello-World.2',
          'prefect.resource.role': 'pull-request',
          'prefect.resource.name': 'Update the README with new information.',
          'github.head': 'changes',
          'github.base': 'master',
        },
        {
          'prefect.resource.id': 'github.user.Codertocat',
          'prefect.resource.role': 'sender',
          'prefect.resource.name': 'Codertocat',
        },
        webhookResource(github),
      ],
      payload: {
        number: 2,
        title: 'Update the README with new information.',
        draft: false,
        labels: ['bug'],
        changes: { additions: 1, deletions: 1 },
      },
    });
  });
});

describe('Stripe', () => {
  it('maps checkout.session.completed to the session, with its customer related', async () => {
    const stripe = await createWebhook(served.base, {
      name: 'Stripe live',
      mapping: { kind: 'template', template: template('stripe') },
      idFrom: 'body:id',
    });
    const fixture = providerFixture('stripe/checkout.session.completed.json');
    expect(fixture.contentType).toBe('application/json; charset=utf-8');
    await expectDelivered(await deliver(stripe, 'stripe/checkout.session.completed.json'));
    await expectDelivered(await deliver(stripe, 'stripe/checkout.session.completed.json'));

    const session = JSON.parse(fixture.body).data.object;
    expect(await storedFor(stripe)).toEqual([
      {
        id: deliveryEventId(stripe.id, 'evt_T8nSaZqtPudigUMqnnbY4D4v', 0),
        event: 'stripe.checkout.session.completed',
        occurred: '2021-04-29T11:57:10Z',
        received: expect.any(String),
        follows: null,
        resource: {
          'prefect.resource.id': 'stripe.checkout.session.cs_live_9RBjcHiy2i5p99Tf1MYM90c3SHK1grU0E6Ae6pKWR2KPA4ZiuKiB2X1Y3X',
          'stripe.livemode': 'true',
          'stripe.api-version': '2020-03-02',
        },
        related: [
          {
            'prefect.resource.id': 'stripe.customer.cus_IhGfebO16cMIGN',
            'prefect.resource.role': 'customer',
            'prefect.resource.name': 'Copple',
          },
          { 'prefect.resource.id': 'stripe.event.evt_T8nSaZqtPudigUMqnnbY4D4v', 'prefect.resource.role': 'stripe-event' },
          webhookResource(stripe),
        ],
        payload: {
          amount: 999,
          currency: 'EUR',
          status: 'complete',
          paymentStatus: 'paid',
          email: 'billz@supabase.io',
          paymentMethods: 'card, klarna, link, paypal',
          object: session,
        },
      },
    ]);
  });
});

describe('Alertmanager (fan-out)', () => {
  it('maps each alert of a notification to its own event', async () => {
    const alertmanager = await createWebhook(served.base, {
      name: 'Alertmanager ops',
      mapping: { kind: 'template', template: template('alertmanager') },
    });
    await expectDelivered(await deliver(alertmanager, 'alertmanager/firing.two-alerts.json'));

    const events = await storedFor(alertmanager);
    const alert = (fingerprint: string, index: number, description: string) => ({
      id: expect.any(String),
      event: 'alertmanager.alert.firing',
      occurred: '2020-02-06T00:17:58.432911Z',
      received: expect.any(String),
      follows: null,
      resource: {
        'prefect.resource.id': `alertmanager.alert.${fingerprint}`,
        'prefect.resource.name': 'High CPU Temperature',
        'alertmanager.severity': 'critical',
      },
      related: [
        { 'prefect.resource.id': 'alertmanager.receiver.ops-zulip', 'prefect.resource.role': 'receiver' },
        { 'prefect.resource.id': 'host.andromeda', 'prefect.resource.role': 'host' },
        webhookResource(alertmanager),
      ],
      payload: {
        index,
        summary: 'High CPU core temperature',
        description,
        labels: { alertname: 'High CPU Temperature', host: 'andromeda', severity: 'critical' },
        generatorURL:
          'http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=1',
        groupKey: '{}/{}:{}',
        externalURL: 'http://ops1:9093',
      },
    });
    expect(events).toEqual([
      alert('a1bc48475b20e73d', 0, 'CPU core temperature is 34.75C'),
      alert('c2ea85182f28cbd9', 1, 'CPU core temperature is 17.625C'),
    ]);
    expect(events[0]?.id).not.toBe(events[1]?.id);
  });
});

describe('Twilio (form body)', () => {
  it('maps an incoming SMS sent as application/x-www-form-urlencoded', async () => {
    const twilio = await createWebhook(served.base, {
      name: 'Twilio SMS',
      mapping: { kind: 'template', template: template('twilio-sms') },
    });
    const fixture = providerFixture('twilio/sms-incoming.form.txt');
    expect(fixture.contentType).toBe('application/x-www-form-urlencoded');
    await expectDelivered(await deliver(twilio, 'twilio/sms-incoming.form.txt'));

    expect(await storedFor(twilio)).toEqual([
      {
        id: expect.any(String),
        event: 'twilio.sms.received',
        occurred: NOW,
        received: expect.any(String),
        follows: null,
        resource: {
          'prefect.resource.id': 'twilio.message.SM1521fa559fb923c1ed64f56cd1bed8ef',
          'twilio.from': '+19253920364',
          'twilio.to': '+19253920364',
        },
        related: [
          { 'prefect.resource.id': 'twilio.account.AC58f1e8f2b1c6b88ca90a012a4be0c279', 'prefect.resource.role': 'account' },
          {
            'prefect.resource.id': 'phone.19253920364',
            'prefect.resource.role': 'sender',
            'prefect.resource.name': 'BRENTWOOD, CA, US',
          },
          webhookResource(twilio),
        ],
        payload: {
          text: 'twilio-go testing!',
          segments: 1,
          media: 0,
          form: Object.fromEntries(new URLSearchParams(fixture.body)),
        },
      },
    ]);
  });
});

describe('static mapping (a cron job’s curl)', () => {
  it('stores the same event for a body-less GET and DELETE, with the request as payload', async () => {
    const cron = await createWebhook(served.base, {
      name: 'nightly backup',
      mapping: {
        kind: 'static',
        event: {
          event: 'cron.heartbeat',
          resource: { 'prefect.resource.id': 'cron.job.nightly-backup', 'prefect.resource.name': 'nightly backup' },
        },
      },
    });
    for (const method of ['GET', 'DELETE']) {
      const headers = { 'user-agent': 'curl/8.5.0', authorization: 'Bearer not-for-templates', cookie: 'session=secret' };
      await expectDelivered(await fetch(`${cron.url}?run=42`, { method, headers }));
    }

    const events = await storedFor(cron);
    expect(events.map((event) => event.payload.method)).toEqual(['GET', 'DELETE']);
    for (const event of events) {
      expect(event).toMatchObject({
        event: 'cron.heartbeat',
        occurred: NOW,
        resource: { 'prefect.resource.id': 'cron.job.nightly-backup', 'prefect.resource.name': 'nightly backup' },
        related: [webhookResource(cron)],
        payload: { body: '', headers: { 'user-agent': 'curl/8.5.0' } },
      });
      expect(Object.keys(event.payload).sort()).toEqual(['body', 'headers', 'method']);
      expect(event.payload.headers).not.toHaveProperty('authorization');
      expect(event.payload.headers).not.toHaveProperty('cookie');
    }
    expect(events[0]?.id).not.toBe(events[1]?.id);
  });
});

describe('saving a template mapping', () => {
  it('refuses a template that cannot parse, naming line, column and what was expected', async () => {
    const response = await fetch(`${served.base}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'broken',
        mapping: { kind: 'template', template: '{\n  "event": "x",\n  "payload": {{json body}\n}' },
      }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; detail: string; line: number; column: number };
    expect(problem).toMatchObject({ code: 'invalid-template', line: 3, column: 14 });
    expect(problem.detail).toBe('mapping.template: line 3, column 14: "{{" is never closed: expected "}}"');
  });
});
