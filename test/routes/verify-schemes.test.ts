/**
 * Every verification scheme through the live endpoint, with signatures computed in the test from
 * a secret: valid with either of two secrets (rotation), tampered body, wrong secret, missing
 * header, and for timestamped schemes stale and future timestamps and a per-webhook tolerance.
 * Failures are 401 problem+json with the scheme's code, store nothing, and echo no secret or signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signed } from '../../src/cli/signers';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';
import { JSON_BODY, NOW_SECONDS, PUBLIC_URL, SIGNED_SCHEMES, STATIC, wrongSecretOf } from '../helpers/signed-schemes';
import { createdWebhook } from '../helpers/webhooks-api';

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

describe.each(SIGNED_SCHEMES)('$name', (scheme) => {
  const body = scheme.body ?? JSON_BODY;
  const contentType = scheme.contentType ?? 'application/json';
  const [first, second] = scheme.secrets();
  let slug = '';
  let id = '';

  beforeAll(async () => {
    ({ slug, id } = await createdWebhook(t, { name: scheme.name, mapping: STATIC, verify: scheme.verify([first, second]) }));
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
    const wrongSecret = wrongSecretOf(scheme);
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
