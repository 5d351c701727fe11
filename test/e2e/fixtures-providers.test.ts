/**
 * Real Stripe, Alertmanager and Twilio payloads (../shared/fixtures) sent over real HTTP with their
 * content types and routing headers to webhooks mapped by the readable templates in
 * test/fixtures/templates: each request becomes exactly the expected events (fan-out, form bodies).
 */
import { describe, expect, it } from 'vitest';
import { deliveryEventId } from '../../src/lib/ids';
import { NOW, template, useServedFixtures } from '../helpers/fixture-delivery';
import { createWebhook, providerFixture, webhookResource } from '../helpers/hooks';

const fixtures = useServedFixtures();
const { deliver, expectDelivered, storedFor } = fixtures;

describe('Stripe', () => {
  it('maps checkout.session.completed to the session, with its customer related', async () => {
    const stripe = await createWebhook(fixtures.served.base, {
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
    const alertmanager = await createWebhook(fixtures.served.base, {
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
    const twilio = await createWebhook(fixtures.served.base, {
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
