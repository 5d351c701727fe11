/**
 * The handshakes of the body-HMAC presets, exactly as the providers send and expect them:
 * WooCommerce's unsigned `webhook_id=<id>` creation ping gets a 200 and stores nothing (anything
 * else unsigned is still 401); Xero's intent-to-receive gets exactly 200 with an empty body for a
 * good signature and 401 for a bad one, and its deliveries 200, stored once however often resent.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hmacBase64 } from '../../src/cli/signers';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import { createdWebhook } from '../helpers/webhooks-api';

const SECRET = 'a-long-random-secret';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function createHook(input: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  return createdWebhook(t, { name: 'hook', ...input });
}

function post(slug: string, headers: Record<string, string>, body: string): Promise<Response> {
  return Promise.resolve(t.app.request(`/hooks/${slug}`, { method: 'POST', headers, body }));
}

function payload(path: string): string {
  const example = JSON.parse(readFileSync(new URL(`../presets/payloads/${path}`, import.meta.url), 'utf8')) as { body: unknown };
  return JSON.stringify(example.body);
}

describe('woocommerce-ping', () => {
  it('answers the unsigned creation ping with an empty 200 and stores nothing', async () => {
    const hook = await createHook({ preset: 'woocommerce', verify: { secrets: [SECRET] } });
    const response = await post(
      hook.slug,
      { ...FORM, 'user-agent': 'WooCommerce/9.0.0 Hookshot (WordPress/6.5)' },
      'webhook_id=142',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(eventsOf(t.dbFile, hook)).toEqual([]);
  });

  it.each([
    ['another unsigned form', FORM, 'webhook_id=142&order=1'],
    ['an unsigned JSON body', { 'content-type': 'application/json' }, '{"webhook_id":142}'],
    ['a ping body with a wrong signature', { ...FORM, 'x-wc-webhook-signature': 'AAAA' }, 'webhook_id=142'],
  ])('still verifies %s (401)', async (_name, headers, body) => {
    const hook = await createHook({ preset: 'woocommerce', verify: { secrets: [SECRET] } });
    expect((await post(hook.slug, headers, body)).status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toEqual([]);
  });

  it('is not answered for a webhook that does not declare it', async () => {
    const hook = await createHook({ preset: 'woocommerce', verify: { secrets: [SECRET] }, handshakes: [] });
    expect((await post(hook.slug, FORM, 'webhook_id=142')).status).toBe(401);
  });
});

describe('xero-intent-to-receive', () => {
  const intent = payload('xero/intent-to-receive.json');
  const sign = (body: string, secret = SECRET) => ({
    'content-type': 'application/json',
    'x-xero-signature': hmacBase64('sha256', secret, body),
  });

  it('answers a correctly signed intent-to-receive with exactly 200 and an empty body', async () => {
    const hook = await createHook({ preset: 'xero', verify: { secrets: [SECRET] } });
    const response = await post(hook.slug, sign(intent), intent);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(eventsOf(t.dbFile, hook)).toEqual([]);
  });

  it('answers a wrongly signed one with 401', async () => {
    const hook = await createHook({ preset: 'xero', verify: { secrets: [SECRET] } });
    const response = await post(hook.slug, sign(intent, 'another-secret'), intent);
    expect(response.status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toEqual([]);
  });

  it('answers deliveries with 200 and stores each change once, however often Xero resends', async () => {
    const hook = await createHook({ preset: 'xero', verify: { secrets: [SECRET] } });
    const body = payload('xero/contact.update.json');
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(hook.slug, sign(body), body);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    }
    expect(
      eventsOf(t.dbFile, hook)
        .map((event) => event.event)
        .sort(),
    ).toEqual(['xero.contact.update', 'xero.invoice.create']);
  });
});
