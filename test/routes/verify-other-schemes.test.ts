/**
 * The verification schemes of issue 19 that are not "HMAC of the body in a header" (secret token
 * headers, a base64 HMAC key, the signature inside the body, a JWS, ECDSA), through the live
 * endpoint with signatures computed in the test: both secrets accepted (rotation), tampered body
 * and wrong secret refused with 401 `signature-mismatch`, a missing signature 401
 * `signature-missing`, timestamps outside the tolerance refused; nothing stored on refusal.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';
import { signDropbox, signMailgun, signNetlify, signSendgrid, signTeams } from '../helpers/provider-signers';
import { createdWebhook } from '../helpers/webhooks-api';

const NOW_SECONDS = 1_774_612_800; // 2026-03-27T12:00:00Z
const STATIC = { kind: 'static', event: { event: 'verified.request', resource: { 'prefect.resource.id': 'test.verified' } } };

type Headers = Record<string, string>;
interface Signed {
  headers: Headers;
  body: string;
}
interface Scheme {
  name: string;
  secrets: () => [string, string];
  verify: (secrets: string[]) => Record<string, unknown>;
  /** Signs `data` (the event) at `at`: headers and the body as sent. */
  sign: (secret: string, data: Record<string, unknown>, at: number) => Signed;
  /** Removes the signature from a signed request. */
  strip: (signed: Signed) => Signed;
  /** Changes what is signed; the body by default. */
  tamper?: (signed: Signed) => Signed;
  tokenOnly?: boolean;
  timestamped?: boolean;
}

const text = (): [string, string] => ['first-secret-value-0001', 'second-secret-value-0002'];
const without = (headers: Headers, name: string): Headers =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));

const p256 = [generateKeyPairSync('ec', { namedCurve: 'P-256' }), generateKeyPairSync('ec', { namedCurve: 'P-256' })];
const spki = (index: number) => p256[index]?.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') ?? '';

const SCHEMES: Scheme[] = [
  {
    name: 'telegram',
    secrets: text,
    verify: (secrets) => ({ scheme: 'telegram', secrets }),
    sign: (secret, data) => ({ headers: { 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(data) }),
    strip: (s) => ({ ...s, headers: without(s.headers, 'x-telegram-bot-api-secret-token') }),
    tokenOnly: true,
  },
  {
    name: 'okta (a custom authentication header)',
    secrets: text,
    verify: (secrets) => ({ scheme: 'okta', header: 'X-Okta-Secret', secrets }),
    sign: (secret, data) => ({ headers: { 'x-okta-secret': secret }, body: JSON.stringify(data) }),
    strip: (s) => ({ ...s, headers: without(s.headers, 'x-okta-secret') }),
    tokenOnly: true,
  },
  {
    name: 'microsoft-teams',
    secrets: () => [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')],
    verify: (secrets) => ({ scheme: 'microsoft-teams', secrets }),
    sign: (secret, data) => signTeams(secret, JSON.stringify(data)),
    strip: (s) => ({ ...s, headers: without(s.headers, 'authorization') }),
  },
  {
    name: 'dropbox',
    secrets: text,
    verify: (secrets) => ({ scheme: 'dropbox', secrets }),
    sign: (secret, data) => signDropbox(secret, JSON.stringify(data)),
    strip: (s) => ({ ...s, headers: without(s.headers, 'x-dropbox-signature') }),
  },
  {
    name: 'mailgun (the signature inside the body)',
    secrets: text,
    verify: (secrets) => ({ scheme: 'mailgun', secrets }),
    sign: (secret, data, at) => signMailgun(secret, JSON.stringify({ 'event-data': data }), at),
    strip: (s) => {
      const body = JSON.parse(s.body) as { signature: Record<string, string> };
      delete body.signature.signature;
      return { ...s, body: JSON.stringify(body) };
    },
    // Mailgun signs the timestamp and token, not the event data: tampering means changing those.
    tamper: (s) => ({ ...s, body: s.body.replace(/"token":"(.)/, (_m, c: string) => `"token":"${c === 'a' ? 'b' : 'a'}`) }),
    timestamped: true,
  },
  {
    name: 'netlify (JWS)',
    secrets: text,
    verify: (secrets) => ({ scheme: 'netlify', secrets }),
    sign: (secret, data) => signNetlify(secret, JSON.stringify(data)),
    strip: (s) => ({ ...s, headers: without(s.headers, 'x-webhook-signature') }),
  },
  {
    name: 'sendgrid (ECDSA P-256)',
    secrets: () => [spki(0), spki(1)],
    verify: (publicKeys) => ({ scheme: 'sendgrid', publicKeys }),
    sign: (key, data, at) => {
      const pair = p256.find((_pair, index) => spki(index) === key) ?? generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return signSendgrid(pair.privateKey, JSON.stringify([data]), at);
    },
    strip: (s) => ({ ...s, headers: without(s.headers, 'x-twilio-email-event-webhook-signature') }),
    timestamped: true,
  },
];

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => NOW_SECONDS * 1000 });
});
afterAll(() => t.close());

describe.each(SCHEMES)('$name', (scheme) => {
  const [first, second] = scheme.secrets();
  const data = { kind: 'order', id: 42 };
  let slug = '';
  let id = '';

  beforeAll(async () => {
    ({ slug, id } = await createdWebhook(t, { name: scheme.name, mapping: STATIC, verify: scheme.verify([first, second]) }));
  });

  const send = (signed: Signed) =>
    t.app.request(`/hooks/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers },
      body: signed.body,
    });
  const stored = () =>
    storedEvents(t.dbFile).filter((event) => event.related.some((r) => r['prefect.resource.id'] === `hookgate.webhook.${id}`));

  async function expectRefused(response: Response, code: string): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.text();
    expect((JSON.parse(body) as { code: string }).code).toBe(code);
    for (const secret of [first, second]) expect(body).not.toContain(secret);
  }

  it('accepts a request signed with either secret (rotation)', async () => {
    const before = stored().length;
    expect((await send(scheme.sign(first, data, NOW_SECONDS))).status).toBe(204);
    expect((await send(scheme.sign(second, data, NOW_SECONDS))).status).toBe(204);
    expect(stored().length).toBe(before + 2);
    // The stored request (the default payload holds its headers) never holds a secret sent as it is.
    expect(JSON.stringify(stored())).not.toContain(first);
    expect(JSON.stringify(stored())).not.toContain(second);
  });

  it.each(
    scheme.tokenOnly
      ? [['a wrong secret', 'wrong']]
      : [
          ['a tampered body', 'tampered'],
          ['a wrong secret', 'wrong'],
        ],
  )('refuses %s: 401 signature-mismatch, nothing stored', async (_label, kind) => {
    const before = stored().length;
    const wrong = scheme.name.startsWith('sendgrid')
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
      : scheme.name === 'microsoft-teams'
        ? randomBytes(32).toString('base64')
        : 'not-the-secret-at-all';
    const signed = scheme.sign(kind === 'tampered' ? first : wrong, data, NOW_SECONDS);
    const tamper = scheme.tamper ?? ((s: Signed) => ({ ...s, body: s.body.replace('42', '43') }));
    const sent = kind === 'tampered' ? tamper(signed) : signed;
    await expectRefused(await send(sent), 'signature-mismatch');
    expect(stored().length).toBe(before);
  });

  it('refuses a request without its signature: 401 signature-missing', async () => {
    await expectRefused(await send(scheme.strip(scheme.sign(first, data, NOW_SECONDS))), 'signature-missing');
  });

  if (scheme.timestamped) {
    it.each([
      ['301 s in the past', -301],
      ['301 s in the future', 301],
    ])('refuses a timestamp %s: 401 timestamp-out-of-tolerance', async (_label, skew) => {
      await expectRefused(await send(scheme.sign(first, data, NOW_SECONDS + skew)), 'timestamp-out-of-tolerance');
    });
  }
});

describe('sendgrid: the published example vector (sendgrid-nodejs eventwebhook.spec.js, MIT)', () => {
  const PUBLIC_KEY =
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==';
  const SIGNATURE = 'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=';
  const TIMESTAMP = '1588788367';
  const PAYLOAD = JSON.stringify({ category: 'example_payload', event: 'test_event', message_id: 'message_id' });

  it('verifies, and refuses a changed payload or signature', async () => {
    const app = createTestApp({ now: () => Number(TIMESTAMP) * 1000 });
    try {
      const created = await app.api('/api/webhooks', {
        method: 'POST',
        json: { name: 'sendgrid vector', mapping: STATIC, verify: { scheme: 'sendgrid', publicKeys: [PUBLIC_KEY] } },
      });
      const { slug } = (await created.json()) as { slug: string };
      const send = (body: string, signature: string) =>
        app.app.request(`/hooks/${slug}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-twilio-email-event-webhook-signature': signature,
            'x-twilio-email-event-webhook-timestamp': TIMESTAMP,
          },
          body,
        });
      expect((await send(PAYLOAD, SIGNATURE)).status).toBe(204);
      expect((await send('payload', SIGNATURE)).status).toBe(401);
      expect((await send(PAYLOAD, SIGNATURE.replace('NH2j', 'NH3j'))).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
