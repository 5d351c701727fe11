/**
 * `verify()` called directly, for every scheme of src/schemas/verify.ts, with both HMACs the app
 * can run on (Web Crypto, and node:crypto's as the Node entry passes it): a signed request comes
 * back as the very same request, now verified; a tampered body, a wrong secret, a missing header and
 * a stale or future timestamp each throw one `VerifyError` (401) with its stable code. Signatures
 * are computed here from a secret by the signers in src/cli/signers.ts.
 */

import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHmac } from '../../../src/adapter/node/crypto';
import { ed25519Pair, type Signed, signPagerduty, signStandard, signStripe } from '../../../src/cli/signers';
import type { ReceivedRequest } from '../../../src/core/receive';
import { type VerifyOptions, verify } from '../../../src/core/verify';
import { VerifyError } from '../../../src/lib/errors';
import { VERIFY_SCHEMES, Verify } from '../../../src/schemas/verify';
import { JSON_BODY, NOW_SECONDS, PUBLIC_URL, SIGNED_SCHEMES, wrongSecretOf } from '../../helpers/signed-schemes';

const PATH = '/hooks/AAAAAAAAAAAAAAAAAAAAAA';
/** The address the gateway listens on; senders sign the public one (Twilio). */
const LOCAL_URL = `http://127.0.0.1:8787${PATH}`;

function received(body: string, headers: Record<string, string>, at = NOW_SECONDS): ReceivedRequest {
  return {
    method: 'POST',
    url: new URL(LOCAL_URL),
    headers: new Headers(headers),
    body: new TextEncoder().encode(body),
    receivedAt: at * 1000,
  };
}

/** Awaits a verification that must fail, and returns its error after checking it is a 401 `VerifyError` with `code`. */
async function expectRefused(verifying: Promise<unknown>, code: string): Promise<VerifyError> {
  const error = await verifying.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VerifyError);
  expect(error).toMatchObject({ status: 401, code });
  return error as VerifyError;
}

/**
 * Schemes whose senders sign in ways this table's shape does not fit (a token in a header, the
 * signature inside the body, ECDSA, a JWS, a secret learned in a handshake, Amazon's certificates):
 * each has its own table of the same cases, named here so a new scheme cannot go untested.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
  telegram: 'test/routes/verify-other-schemes.test.ts',
  okta: 'test/routes/verify-other-schemes.test.ts',
  'microsoft-teams': 'test/routes/verify-other-schemes.test.ts',
  dropbox: 'test/routes/verify-other-schemes.test.ts',
  mailgun: 'test/routes/verify-other-schemes.test.ts',
  netlify: 'test/routes/verify-other-schemes.test.ts',
  sendgrid: 'test/routes/verify-other-schemes.test.ts',
  asana: 'test/presets/handshakes.test.ts',
  notion: 'test/presets/handshakes.test.ts',
  'aws-sns': 'test/core/verify/certificates.test.ts',
};

it('has a signed case for every scheme but none (here or in the table named for it)', () => {
  const covered = new Set([
    ...SIGNED_SCHEMES.map((scheme) => scheme.verify(['a', 'b']).scheme),
    ...Object.keys(TESTED_ELSEWHERE),
  ]);
  expect([...covered].sort()).toEqual(VERIFY_SCHEMES.filter((scheme) => scheme !== 'none').sort());
  for (const file of new Set(Object.values(TESTED_ELSEWHERE)))
    expect(existsSync(new URL(`../../../${file}`, import.meta.url))).toBe(true);
});

describe.each([
  ['Web Crypto', {}],
  ['node:crypto', { hmac: nodeHmac }],
] as [string, Omit<VerifyOptions, 'publicUrl'>][])('verify() with %s HMAC', (_hmacName, hmacOption) => {
  const options: VerifyOptions = { ...hmacOption, publicUrl: PUBLIC_URL };

  it('none: any request passes, as it is', async () => {
    const request = received(JSON_BODY, {});
    expect(await verify(Verify.parse({ scheme: 'none' }), request, options)).toBe(request);
  });

  describe.each(SIGNED_SCHEMES)('$name', (scheme) => {
    const body = scheme.body ?? JSON_BODY;
    const contentType = scheme.contentType ?? 'application/json';
    const [first, second] = scheme.secrets();
    const settings = Verify.parse(scheme.verify([first, second]));
    const url = `${PUBLIC_URL}${PATH}`;
    const signed = (secret: string, at = NOW_SECONDS): Signed => ({
      'content-type': contentType,
      ...scheme.sign(secret, body, at, url),
    });

    it('returns the same request, verified, signed with either secret (rotation)', async () => {
      for (const secret of [first, second]) {
        const request = received(body, signed(secret));
        expect(await verify(settings, request, options)).toBe(request);
      }
    });

    it('throws signature-mismatch for a wrong secret, and names no secret or signature', async () => {
      const headers = signed(wrongSecretOf(scheme));
      const error = await expectRefused(verify(settings, received(body, headers), options), 'signature-mismatch');
      for (const value of [first, second, ...Object.values(headers).filter((v) => v.length > 12)]) {
        expect(`${error.message} ${error.detail}`).not.toContain(value);
      }
    });

    // Shared-token schemes authenticate the sender, not the body: nothing to tamper with.
    if (!scheme.tokenOnly) {
      it('throws signature-mismatch for a tampered body', async () => {
        const tampered = body.replace('42', '43').replace('hello', 'jello');
        await expectRefused(verify(settings, received(tampered, signed(first)), options), 'signature-mismatch');
      });
    }

    it(`throws signature-missing without ${scheme.required}`, async () => {
      const { [scheme.required]: _removed, ...rest } = signed(first);
      await expectRefused(verify(settings, received(body, rest), options), 'signature-missing');
    });

    if (scheme.timestamped) {
      it('throws timestamp-out-of-tolerance 301 s either way, and passes at 300 s', async () => {
        for (const skew of [-301, 301]) {
          const stale = received(body, signed(first, NOW_SECONDS + skew));
          await expectRefused(verify(settings, stale, options), 'timestamp-out-of-tolerance');
        }
        for (const skew of [-300, 300]) {
          const request = received(body, signed(first, NOW_SECONDS + skew));
          expect(await verify(settings, request, options)).toBe(request);
        }
      });

      it('takes the webhook’s own tolerance', async () => {
        const wide = Verify.parse({ ...scheme.verify([first, second]), toleranceSeconds: 900 });
        const request = received(body, signed(first, NOW_SECONDS - 800));
        expect(await verify(wide, request, options)).toBe(request);
        await expectRefused(
          verify(wide, received(body, signed(first, NOW_SECONDS + 901)), options),
          'timestamp-out-of-tolerance',
        );
      });
    }
  });

  describe('several signatures in one header (rotation on the sender’s side)', () => {
    const [kept, retired] = ['secret-kept-0123456789', 'secret-retired-0123456789'];

    it('pagerduty: any v1= of a comma-separated list', async () => {
      const settings = Verify.parse({ scheme: 'pagerduty', secrets: [kept] });
      const request = received(JSON_BODY, signPagerduty([retired, kept], JSON_BODY));
      expect(await verify(settings, request, options)).toBe(request);
      const none = received(JSON_BODY, signPagerduty([retired, 'another-one-0123456789'], JSON_BODY));
      await expectRefused(verify(settings, none, options), 'signature-mismatch');
    });

    it('stripe: any v1= after t=, v0= ignored', async () => {
      const settings = Verify.parse({ scheme: 'stripe', secrets: [kept] });
      const { 'stripe-signature': header = '' } = signStripe([retired, kept], JSON_BODY, NOW_SECONDS);
      const withV0 = `${header},v0=${createHmac('sha256', kept).update('v0 is not checked').digest('hex')}`;
      const request = received(JSON_BODY, { 'stripe-signature': withV0 });
      expect(await verify(settings, request, options)).toBe(request);
      const none = received(JSON_BODY, signStripe([retired], JSON_BODY, NOW_SECONDS));
      await expectRefused(verify(settings, none, options), 'signature-mismatch');
    });

    it('standard-webhooks: any v1 or v1a entry, under any secret or public key', async () => {
      const secret = `whsec_${Buffer.from('a Standard Webhooks key, 32 bytes').toString('base64')}`;
      const other = `whsec_${Buffer.from('another Standard Webhooks key!!!').toString('base64')}`;
      const pair = ed25519Pair();
      const settings = Verify.parse({
        scheme: 'standard-webhooks',
        secrets: [secret],
        publicKeys: [`whpk_${pair.raw.toString('base64')}`],
      });
      for (const headers of [
        signStandard([other, secret], 'msg_1', NOW_SECONDS, JSON_BODY),
        signStandard([other], 'msg_2', NOW_SECONDS, JSON_BODY, [ed25519Pair().privateKey, pair.privateKey]),
      ]) {
        const request = received(JSON_BODY, headers);
        expect(await verify(settings, request, options)).toBe(request);
      }
      const none = received(JSON_BODY, signStandard([other], 'msg_3', NOW_SECONDS, JSON_BODY, [ed25519Pair().privateKey]));
      await expectRefused(verify(settings, none, options), 'signature-mismatch');
    });

    it('hmac with a separator: any of the listed signatures', async () => {
      const settings = Verify.parse({ scheme: 'hmac', secrets: [retired, kept], header: 'x-signature', separator: ' ' });
      const sign = (secret: string) => createHmac('sha256', secret).update(JSON_BODY).digest('hex');
      const request = received(JSON_BODY, { 'x-signature': `${sign('unrelated-secret-0123')} ${sign(kept)}` });
      expect(await verify(settings, request, options)).toBe(request);
      const none = received(JSON_BODY, { 'x-signature': `${sign('unrelated-secret-0123')} ${sign('nope-0123456789')}` });
      await expectRefused(verify(settings, none, options), 'signature-mismatch');
    });
  });
});
