/**
 * Every verification scheme through the live endpoint, with signatures computed in the test from
 * a secret: valid with either of two secrets (rotation), tampered body, wrong secret, missing
 * header, and for timestamped schemes stale and future timestamps and a per-webhook tolerance.
 * Failures are 401 problem+json with the scheme's code, store nothing, and echo no secret or signature.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ed25519Pair,
  type Signed,
  signDiscord,
  signGithub,
  signLinear,
  signPagerduty,
  signSentry,
  signShopify,
  signSlack,
  signStandard,
  signStripe,
  signTwilio,
} from '../../src/cli/signers';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';

const NOW_SECONDS = 1_774_612_800; // 2026-03-27T12:00:00Z
const PUBLIC_URL = 'https://hooks.example.com';
const JSON_BODY = '{"kind": "order", "id": 42}';
const FORM_BODY = 'MessageSid=SM123&From=%2B15550001111&Body=hello+there';
const STATIC = {
  kind: 'static',
  event: { event: 'verified.request', resource: { 'prefect.resource.id': 'test.verified' } },
};

interface Scheme {
  name: string;
  /** Two secrets (or keys) of the kind the scheme takes. */
  secrets: () => [string, string];
  verify: (secrets: string[]) => Record<string, unknown>;
  sign: (secret: string, body: string, at: number, url: string) => Signed;
  /** A header whose absence is `signature-missing`. */
  required: string;
  body?: string;
  contentType?: string;
  timestamped?: boolean;
  /** Shared-token schemes authenticate the sender, not the body. */
  tokenOnly?: boolean;
}

const text = (): [string, string] => ['first-secret-value-0001', 'second-secret-value-0002'];
const whsec = (): [string, string] => [
  `whsec_${randomBytes(24).toString('base64')}`,
  `whsec_${randomBytes(32).toString('base64')}`,
];
const discordKeys = [ed25519Pair(), ed25519Pair()];
const rawHex = (index: number) => discordKeys[index]?.raw.toString('hex') ?? '';

const SCHEMES: Scheme[] = [
  {
    name: 'bearer',
    secrets: text,
    verify: (secrets) => ({ scheme: 'bearer', secrets }),
    sign: (secret) => ({ authorization: `Bearer ${secret}` }),
    tokenOnly: true,
    required: 'authorization',
  },
  {
    name: 'basic',
    secrets: text,
    verify: (secrets) => ({ scheme: 'basic', username: 'ci', secrets }),
    sign: (secret) => ({ authorization: `Basic ${btoa(`ci:${secret}`)}` }),
    tokenOnly: true,
    required: 'authorization',
  },
  {
    name: 'gitlab',
    secrets: text,
    verify: (secrets) => ({ scheme: 'gitlab', secrets }),
    sign: (secret) => ({ 'x-gitlab-token': secret }),
    tokenOnly: true,
    required: 'x-gitlab-token',
  },
  {
    name: 'hmac (sha512, base64url, prefix, timestamp header, recipe)',
    secrets: text,
    verify: (secrets) => ({
      scheme: 'hmac',
      secrets,
      header: 'X-Signature',
      algorithm: 'sha512',
      encoding: 'base64url',
      prefix: 'v1=',
      signedContent: '{header:x-timestamp}.{body}',
      timestampHeader: 'X-Timestamp',
    }),
    sign: (secret, body, at) => ({
      'x-timestamp': String(at),
      'x-signature': `v1=${createHmac('sha512', secret).update(`${at}.${body}`).digest('base64url')}`,
    }),
    required: 'x-signature',
    timestamped: true,
  },
  {
    name: 'github',
    secrets: text,
    verify: (secrets) => ({ scheme: 'github', secrets }),
    sign: (secret, body) => signGithub(secret, body),
    required: 'x-hub-signature-256',
  },
  {
    name: 'shopify',
    secrets: text,
    verify: (secrets) => ({ scheme: 'shopify', secrets }),
    sign: (secret, body) => signShopify(secret, body),
    required: 'x-shopify-hmac-sha256',
  },
  {
    name: 'linear',
    secrets: text,
    verify: (secrets) => ({ scheme: 'linear', secrets }),
    sign: (secret, body) => signLinear(secret, body),
    required: 'linear-signature',
  },
  {
    name: 'sentry',
    secrets: text,
    verify: (secrets) => ({ scheme: 'sentry', secrets }),
    sign: (secret, body) => signSentry(secret, body),
    required: 'sentry-hook-signature',
  },
  {
    name: 'pagerduty',
    secrets: text,
    verify: (secrets) => ({ scheme: 'pagerduty', secrets }),
    sign: (secret, body) => signPagerduty(['not-this-one-xxxx', secret], body),
    required: 'x-pagerduty-signature',
  },
  {
    name: 'slack',
    secrets: text,
    verify: (secrets) => ({ scheme: 'slack', secrets }),
    sign: (secret, body, at) => signSlack(secret, body, at),
    required: 'x-slack-signature',
    timestamped: true,
  },
  {
    name: 'stripe',
    secrets: () => ['whsec_first_stripe_secret', 'whsec_second_stripe_secret'],
    verify: (secrets) => ({ scheme: 'stripe', secrets }),
    sign: (secret, body, at) => signStripe(['whsec_unrelated', secret], body, at),
    required: 'stripe-signature',
    timestamped: true,
  },
  {
    name: 'standard-webhooks (v1)',
    secrets: whsec,
    verify: (secrets) => ({ scheme: 'standard-webhooks', secrets }),
    sign: (secret, body, at) => signStandard([secret], 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at, body),
    required: 'webhook-signature',
    timestamped: true,
  },
  {
    name: 'standard-webhooks (v1a, Ed25519)',
    secrets: () => [`whpk_${discordKeys[0]?.raw.toString('base64')}`, `whpk_${discordKeys[1]?.raw.toString('base64')}`],
    verify: (publicKeys) => ({ scheme: 'standard-webhooks', publicKeys }),
    sign: (publicKey, body, at) => {
      const pair = discordKeys.find((key) => publicKey === `whpk_${key.raw.toString('base64')}`) ?? ed25519Pair();
      return signStandard([], 'msg_ed25519', at, body, [pair.privateKey]);
    },
    required: 'webhook-id',
    timestamped: true,
  },
  {
    name: 'discord',
    secrets: () => [rawHex(0), rawHex(1)],
    verify: (publicKeys) => ({ scheme: 'discord', publicKeys }),
    sign: (publicKey, body, at) => {
      const pair = discordKeys.find((key) => key.raw.toString('hex') === publicKey) ?? ed25519Pair();
      return signDiscord(pair.privateKey, body, at);
    },
    required: 'x-signature-ed25519',
    timestamped: true,
  },
  {
    name: 'twilio (form, signed over HOOKGATE_PUBLIC_URL)',
    secrets: text,
    verify: (secrets) => ({ scheme: 'twilio', secrets }),
    sign: (secret, body, _at, url) => signTwilio(secret, url, [...new URLSearchParams(body)]),
    required: 'x-twilio-signature',
    body: FORM_BODY,
    contentType: 'application/x-www-form-urlencoded',
  },
];

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ now: () => NOW_SECONDS * 1000, publicUrl: PUBLIC_URL });
});
afterAll(() => t.close());

interface Problem {
  status: number;
  code: string;
  detail: string;
}

describe.each(SCHEMES)('$name', (scheme) => {
  const body = scheme.body ?? JSON_BODY;
  const contentType = scheme.contentType ?? 'application/json';
  const [first, second] = scheme.secrets();
  let slug = '';
  let id = '';

  beforeAll(async () => {
    const response = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: scheme.name, mapping: STATIC, verify: scheme.verify([first, second]) },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    ({ slug, id } = (await response.json()) as { slug: string; id: string });
  });

  const url = () => `${PUBLIC_URL}/hooks/${slug}`;
  const send = (headers: Signed, sentBody = body) =>
    t.app.request(`/hooks/${slug}`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: sentBody });
  const stored = () =>
    storedEvents(t.dbFile).filter((event) => event.related.some((r) => r['prefect.resource.id'] === `hookgate.webhook.${id}`));

  async function expectRefused(response: Response, code: string, signed: Signed): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    const problem = JSON.parse(text) as Problem;
    expect(problem.code).toBe(code);
    for (const secret of [first, second]) expect(text).not.toContain(secret);
    for (const value of Object.values(signed)) if (value.length > 12) expect(text).not.toContain(value);
  }

  it('accepts a request signed with the first secret, and with the second (rotation)', async () => {
    const before = stored().length;
    expect((await send(scheme.sign(first, body, NOW_SECONDS, url()))).status).toBe(204);
    expect((await send(scheme.sign(second, body, NOW_SECONDS, url()))).status).toBe(204);
    expect(stored().length).toBe(before + 2);
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
    const wrongSecret = scheme.name.startsWith('discord')
      ? ed25519Pair().raw.toString('hex')
      : scheme.name.includes('v1a')
        ? `whpk_${ed25519Pair().raw.toString('base64')}`
        : scheme.name.includes('v1)')
          ? `whsec_${randomBytes(24).toString('base64')}`
          : 'not-the-secret-at-all';
    const signed =
      kind === 'tampered' ? scheme.sign(first, body, NOW_SECONDS, url()) : scheme.sign(wrongSecret, body, NOW_SECONDS, url());
    const sentBody = kind === 'tampered' ? body.replace('42', '43').replace('hello', 'jello') : body;
    await expectRefused(await send(signed, sentBody), 'signature-mismatch', signed);
    expect(stored().length).toBe(before);
  });

  it('refuses a request without its signature header: 401 signature-missing', async () => {
    const signed = scheme.sign(first, body, NOW_SECONDS, url());
    const { [scheme.required]: _removed, ...rest } = signed;
    await expectRefused(await send(rest), 'signature-missing', signed);
  });

  if (scheme.timestamped) {
    it.each([
      ['301 s in the past', -301],
      ['301 s in the future', 301],
    ])('refuses a timestamp %s: 401 timestamp-out-of-tolerance', async (_label, skew) => {
      const signed = scheme.sign(first, body, NOW_SECONDS + skew, url());
      await expectRefused(await send(signed), 'timestamp-out-of-tolerance', signed);
    });

    it('accepts a timestamp 300 s away, and a wider tolerance set on the webhook', async () => {
      expect((await send(scheme.sign(first, body, NOW_SECONDS - 300, url()))).status).toBe(204);
      const patched = await t.api(`/api/webhooks/${id}`, {
        method: 'PATCH',
        json: { verify: { ...scheme.verify([first, second]), toleranceSeconds: 900 } },
      });
      expect(patched.status).toBe(200);
      expect((await send(scheme.sign(first, body, NOW_SECONDS - 800, url()))).status).toBe(204);
      expect((await send(scheme.sign(first, body, NOW_SECONDS + 901, url()))).status).toBe(401);
    });
  }
});
