/**
 * The presets whose providers sign the raw body with an HMAC (typeform … flux), through the live
 * endpoint: each preset's sample, signed the way its provider documents it (computed here from a
 * secret with node:crypto, independently of the preset's settings), is stored; the same signature
 * over a tampered body is 401 and stores nothing; a missing signature is 401. Coinbase Commerce's
 * published SDK vector verifies as published.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacBase64, hmacHex, type Signed } from '../../src/cli/signers';
import { findPreset } from '../../src/core/presets/catalog';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import { createdWebhook } from '../helpers/webhooks-api';

const SECRET = 'a-long-random-secret';
/** Airtable's `macSecretBase64`: the key is the bytes this decodes to. */
const AIRTABLE_SECRET = Buffer.from('airtable-mac-secret-bytes').toString('base64');

type Signer = (body: string) => Signed;

/** How each provider signs, from its documentation. */
const SIGNERS: [preset: string, secret: string, sign: Signer][] = [
  ['typeform', SECRET, (b) => ({ 'Typeform-Signature': `sha256=${hmacBase64('sha256', SECRET, b)}` })],
  ['woocommerce', SECRET, (b) => ({ 'X-WC-Webhook-Signature': hmacBase64('sha256', SECRET, b) })],
  ['heroku', SECRET, (b) => ({ 'Heroku-Webhook-Hmac-SHA256': hmacBase64('sha256', SECRET, b) })],
  ['lemonsqueezy', SECRET, (b) => ({ 'X-Signature': hmacHex('sha256', SECRET, b) })],
  ['gitea', SECRET, (b) => ({ 'X-Gitea-Signature': hmacHex('sha256', SECRET, b) })],
  ['vercel', SECRET, (b) => ({ 'x-vercel-signature': hmacHex('sha1', SECRET, b) })],
  ['terraform-cloud', SECRET, (b) => ({ 'X-TFE-Notification-Signature': hmacHex('sha512', SECRET, b) })],
  ['launchdarkly', SECRET, (b) => ({ 'X-LD-Signature': hmacHex('sha256', SECRET, b) })],
  ['intercom', SECRET, (b) => ({ 'X-Hub-Signature': `sha1=${hmacHex('sha1', SECRET, b)}` })],
  ['bitbucket', SECRET, (b) => ({ 'X-Hub-Signature': `sha256=${hmacHex('sha256', SECRET, b)}` })],
  ['segment', SECRET, (b) => ({ 'X-Signature': hmacHex('sha1', SECRET, b) })],
  // CircleCI sends a list of versioned signatures; only v1 exists today.
  ['circleci', SECRET, (b) => ({ 'circleci-signature': `v0=ignored,v1=${hmacHex('sha256', SECRET, b)}` })],
  ['coinbase-commerce', SECRET, (b) => ({ 'X-CC-Webhook-Signature': hmacHex('sha256', SECRET, b) })],
  ['razorpay', SECRET, (b) => ({ 'X-Razorpay-Signature': hmacHex('sha256', SECRET, b) })],
  ['checkout-com', SECRET, (b) => ({ 'Cko-Signature': hmacHex('sha256', SECRET, b) })],
  ['xero', SECRET, (b) => ({ 'x-xero-signature': hmacBase64('sha256', SECRET, b) })],
  ['quickbooks', SECRET, (b) => ({ 'intuit-signature': hmacBase64('sha256', SECRET, b) })],
  ['clickup', SECRET, (b) => ({ 'X-Signature': hmacHex('sha256', SECRET, b) })],
  ['cal-com', SECRET, (b) => ({ 'X-Cal-Signature-256': hmacHex('sha256', SECRET, b) })],
  [
    'airtable',
    AIRTABLE_SECRET,
    (b) => ({ 'X-Airtable-Content-MAC': `hmac-sha256=${hmacHex('sha256', Buffer.from(AIRTABLE_SECRET, 'base64'), b)}` }),
  ],
  ['flux', SECRET, (b) => ({ 'X-Signature': `sha256=${hmacHex('sha256', SECRET, b)}` })],
];

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

async function createHook(preset: string, secret: string): Promise<{ id: string; slug: string }> {
  return createdWebhook(t, { name: preset, preset, verify: { secrets: [secret] } });
}

/** The preset's sample request: its headers (without any signature) and its body as JSON text. */
function sampleOf(preset: string): { headers: Record<string, string>; body: string } {
  const sample = findPreset(preset)?.sample;
  if (!sample) throw new Error(`preset ${preset} has no sample`);
  return { headers: { ...sample.headers }, body: JSON.stringify(sample.body) };
}

function post(slug: string, headers: Record<string, string>, body: string): Promise<Response> {
  return Promise.resolve(t.app.request(`/hooks/${slug}`, { method: 'POST', headers, body }));
}

describe.each(SIGNERS)('preset %s', (preset, secret, sign) => {
  it('stores its sample signed as the provider signs it', async () => {
    const hook = await createHook(preset, secret);
    const { headers, body } = sampleOf(preset);
    const response = await post(hook.slug, { ...headers, ...sign(body) }, body);
    expect(response.status, await response.text()).toBeLessThan(300);
    expect(eventsOf(t.dbFile, hook).length).toBeGreaterThan(0);
  });

  it('answers 401 to a tampered body and to a missing signature, storing nothing', async () => {
    const hook = await createHook(preset, secret);
    const { headers, body } = sampleOf(preset);
    const tampered = body.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
    expect(tampered).not.toBe(body);
    const forged = await post(hook.slug, { ...headers, ...sign(body) }, tampered);
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe('signature-mismatch');
    const unsigned = await post(hook.slug, headers, body);
    expect(unsigned.status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toEqual([]);
  });
});

describe('published vectors', () => {
  it("Coinbase Commerce's SDK vector (coinbase-commerce-node, test/testWebhook.spec.js) verifies", async () => {
    const example = JSON.parse(
      readFileSync(new URL('./payloads/coinbase-commerce/charge.created.json', import.meta.url), 'utf8'),
    ) as { headers: Record<string, string>; body: unknown };
    const body = JSON.stringify(example.body);
    const hook = await createHook('coinbase-commerce', '30291a20-0bd1-4267-9b0f-e6e7b123c0bf');
    const headers = { 'content-type': 'application/json', ...example.headers };
    const response = await post(hook.slug, headers, body);
    expect(response.status, await response.text()).toBe(204);
    expect(eventsOf(t.dbFile, hook).map((event) => event.event)).toEqual(['coinbase-commerce.charge.created']);
    const other = await createHook('coinbase-commerce', '30291a20-0bd1-4267-9b0f-e6e7b123c0bg');
    expect((await post(other.slug, headers, body)).status).toBe(401);
  });
});
