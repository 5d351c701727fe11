/**
 * Each issue-19 preset on its own sample request, signed as its provider signs (from a secret, in
 * the test): accepted and stored; the same request with its body changed (or, for schemes that do
 * not sign the body, with wrong credentials) refused with 401 and nothing stored. Amazon SNS is in
 * handshakes.test.ts (it needs the certificate seam).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../src/core/presets/catalog';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';
import {
  type SignedRequest,
  signAsana,
  signDropbox,
  signMailgun,
  signNetlify,
  signNotion,
  signSendgrid,
  signTeams,
} from '../helpers/provider-signers';

const NOW_SECONDS = 1_774_612_800;
const SECRET = 'a-provider-secret-0123456789';
const TEAMS_SECRET = randomBytes(32).toString('base64');
const P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

interface Case {
  preset: string;
  verify: Record<string, unknown>;
  sign: (body: string) => SignedRequest;
  /** A request the handshake answers first, teaching the webhook SECRET. */
  handshake?: RequestInit;
  /** The body is not signed (basic auth, Mailgun): the refused request has wrong credentials instead. */
  wrong?: (body: string) => SignedRequest;
}

const basic = (user: string, password: string) => (body: string) => ({
  headers: { authorization: `Basic ${btoa(`${user}:${password}`)}` },
  body,
});

const CASES: Case[] = [
  { preset: 'microsoft-teams', verify: { secrets: [TEAMS_SECRET] }, sign: (body) => signTeams(TEAMS_SECRET, body) },
  {
    preset: 'telegram',
    verify: { secrets: [SECRET] },
    sign: (body) => ({ headers: { 'x-telegram-bot-api-secret-token': SECRET }, body }),
    wrong: (body) => ({ headers: { 'x-telegram-bot-api-secret-token': 'nope' }, body }),
  },
  { preset: 'dropbox', verify: { secrets: [SECRET] }, sign: (body) => signDropbox(SECRET, body) },
  {
    preset: 'mailgun',
    verify: { secrets: [SECRET] },
    sign: (body) => signMailgun(SECRET, body, NOW_SECONDS),
    wrong: (body) => signMailgun('not-the-key', body, NOW_SECONDS),
  },
  {
    preset: 'sendgrid',
    verify: { publicKeys: [P256.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')] },
    sign: (body) => signSendgrid(P256.privateKey, body, NOW_SECONDS),
  },
  {
    preset: 'okta',
    verify: { secrets: [SECRET] },
    sign: (body) => ({ headers: { authorization: SECRET }, body }),
    wrong: (body) => ({ headers: { authorization: 'nope' }, body }),
  },
  {
    preset: 'asana',
    verify: {},
    handshake: { method: 'POST', headers: { 'x-hook-secret': SECRET } },
    sign: (body) => signAsana(SECRET, body),
  },
  {
    preset: 'notion',
    verify: {},
    handshake: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verification_token: SECRET }),
    },
    sign: (body) => signNotion(SECRET, body),
  },
  { preset: 'netlify', verify: { secrets: [SECRET] }, sign: (body) => signNetlify(SECRET, body) },
  {
    preset: 'postmark',
    verify: { secrets: [SECRET] },
    sign: basic('postmark', SECRET),
    wrong: basic('postmark', 'nope'),
  },
  {
    preset: 'azure-devops',
    verify: { secrets: [SECRET] },
    sign: basic('azure-devops', SECRET),
    wrong: basic('azure-devops', 'nope'),
  },
];

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => NOW_SECONDS * 1000 });
});
afterAll(() => t.close());

describe.each(CASES)('$preset', (c) => {
  it('accepts its sample signed as the provider signs it; refuses it tampered (401), storing nothing', async () => {
    const preset = findPreset(c.preset);
    const sample = preset?.sample;
    expect(sample, 'the preset has a sample').toBeTruthy();
    if (!sample) return;
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: c.preset, preset: c.preset, verify: c.verify },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const hook = (await created.json()) as { id: string; slug: string };
    const send = (signed: SignedRequest) =>
      t.app.request(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { ...sample.headers, ...signed.headers },
        body: signed.body,
      });
    if (c.handshake) expect((await t.app.request(`/hooks/${hook.slug}`, c.handshake)).status).toBeLessThan(300);
    const before = eventsOf(t.dbFile, hook).length;

    const body = JSON.stringify(sample.body);
    const tampered = c.wrong ? c.wrong(body) : { ...c.sign(body), body: body.replace(/"([^"]{2,})"/, '"$1x"') };
    const refused = await send(tampered);
    expect(refused.status).toBe(401);
    expect(eventsOf(t.dbFile, hook)).toHaveLength(before);

    const accepted = await send(c.sign(body));
    expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    expect(eventsOf(t.dbFile, hook).length).toBeGreaterThan(before);
  });
});

describe('docker-hub', () => {
  it('has no verification (Docker Hub cannot sign), and says so: the slug is the secret', () => {
    const preset = findPreset('docker-hub');
    expect(preset?.verify).toEqual({ scheme: 'none' });
    expect(preset?.description).toMatch(/signs nothing/);
    expect(preset?.setup).toMatch(/slug is the secret/);
  });
});
