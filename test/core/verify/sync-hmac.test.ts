/**
 * The synchronous HMAC path (node:crypto, as the Node entry passes it) beside Web Crypto's: the same
 * recipes give the same answers — rotation, several signatures in a header, a tampered body, a
 * signature of the wrong length, text that is not hex — and node:crypto's answers come back without
 * a promise. The signed content is hashed in pieces: the body itself, never a joined copy.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeHmac } from '../../../src/adapter/node/crypto';
import type { ReceivedRequest } from '../../../src/core/receive';
import { type VerifyOptions, verify } from '../../../src/core/verify';
import { createWebCryptoHmac, type HmacFn, hmac, joinSigned } from '../../../src/core/verify/crypto';
import { fromHex } from '../../../src/core/verify/encoding';
import { signedContent, signedPieces, verifyHmac } from '../../../src/core/verify/hmac';
import { anySignatureMatches } from '../../../src/core/verify/match';
import { HMAC_RECIPES } from '../../../src/core/verify/recipes';
import { VerifyError } from '../../../src/lib/errors';
import { Verify } from '../../../src/schemas/verify';

const NOW_SECONDS = 1_774_612_800;
const BODY = '{"kind": "order", "id": 42, "name": "wörld"}';
const [CURRENT, PREVIOUS, OTHER] = ['secret-current-0123456789', 'secret-previous-0123456789', 'secret-other-0123456789'];
const bytes = (text: string) => new TextEncoder().encode(text);
const hexOf = (secret: string, ...parts: string[]) => {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest('hex');
};

function received(headers: Record<string, string>, body = BODY): ReceivedRequest {
  return {
    method: 'POST',
    url: new URL('http://127.0.0.1:8787/hooks/x'),
    headers: new Headers(headers),
    body: bytes(body),
    receivedAt: NOW_SECONDS * 1000,
  };
}

async function refusal(verifying: () => unknown): Promise<unknown> {
  try {
    await verifying();
  } catch (error) {
    return error;
  }
  return undefined;
}

const GITHUB = Verify.parse({ scheme: 'github', secrets: [CURRENT, PREVIOUS] });
const SLACK_LIKE = Verify.parse({
  scheme: 'hmac',
  secrets: [CURRENT, PREVIOUS],
  header: 'x-signature',
  prefix: 'v0=',
  separator: ' ',
  signedContent: 'v0:{header:x-ts}:{body}',
  timestampHeader: 'x-ts',
});
const slackHeaders = (signatures: string, at = NOW_SECONDS) => ({ 'x-signature': signatures, 'x-ts': String(at) });
const slackSignature = (secret: string, at = NOW_SECONDS, body = BODY) => `v0=${hexOf(secret, `v0:${at}:`, body)}`;

describe.each([
  ['Web Crypto', createWebCryptoHmac()],
  ['node:crypto', nodeHmac],
] as [string, HmacFn][])('HMAC recipes with %s', (_name, sign) => {
  const options: VerifyOptions = { hmac: sign };
  const pass = async (settings: Verify, request: ReceivedRequest) =>
    expect(await verify(settings, request, options)).toBe(request);
  const mismatch = async (settings: Verify, request: ReceivedRequest) =>
    expect(await refusal(() => verify(settings, request, options))).toMatchObject({ status: 401, code: 'signature-mismatch' });

  it('accepts a body signed with either secret (rotation), a body alone and a prefix + body', async () => {
    for (const secret of [CURRENT, PREVIOUS]) {
      await pass(GITHUB, received({ 'x-hub-signature-256': `sha256=${hexOf(secret, BODY)}` }));
      await pass(SLACK_LIKE, received(slackHeaders(slackSignature(secret))));
    }
  });

  it('accepts any of several signatures in the header, and none when none matches', async () => {
    await pass(SLACK_LIKE, received(slackHeaders(`${slackSignature(OTHER)} ${slackSignature(PREVIOUS)}`)));
    await pass(SLACK_LIKE, received(slackHeaders(`v0=zz ${slackSignature(CURRENT)} v9=${hexOf(OTHER, BODY)}`)));
    await mismatch(SLACK_LIKE, received(slackHeaders(`${slackSignature(OTHER)} ${slackSignature('x-0123456789')}`)));
  });

  it('refuses a tampered body, a signature of the wrong length and text that is not hex', async () => {
    const good = hexOf(CURRENT, BODY);
    const github = (value: string, body = BODY) => received({ 'x-hub-signature-256': value }, body);
    await mismatch(GITHUB, github(`sha256=${good}`, BODY.replace('42', '43')));
    for (const wrong of [good.slice(0, -2), `${good}00`, good.slice(0, 40), good.slice(0, -1), '00']) {
      await mismatch(GITHUB, github(`sha256=${wrong}`));
    }
    for (const garbage of [
      `${good.slice(0, -2)}zz`,
      `${good.slice(0, -2)}g0`,
      good.replace(/./g, '@'),
      'ü'.repeat(64),
      `${good.slice(0, -1)} `,
    ]) {
      await mismatch(GITHUB, github(`sha256=${garbage}`));
    }
    await mismatch(GITHUB, github(good)); // no prefix
  });

  it('keeps the timestamp tolerance after the signature matched', async () => {
    const stale = NOW_SECONDS - 301;
    const error = await refusal(() => verify(SLACK_LIKE, received(slackHeaders(slackSignature(CURRENT, stale), stale)), options));
    expect(error).toMatchObject({ code: 'timestamp-out-of-tolerance' });
  });

  it('checks Stripe and Standard Webhooks content given in pieces', async () => {
    const stripe = Verify.parse({ scheme: 'stripe', secrets: [OTHER, CURRENT] });
    await pass(stripe, received({ 'stripe-signature': `t=${NOW_SECONDS},v1=${hexOf(CURRENT, `${NOW_SECONDS}.`, BODY)}` }));
    await mismatch(stripe, received({ 'stripe-signature': `t=${NOW_SECONDS},v1=${hexOf(CURRENT, BODY)}` }));
    const key = Buffer.from('a Standard Webhooks key, 32 bytes');
    const standard = Verify.parse({ scheme: 'standard-webhooks', secrets: [`whsec_${key.toString('base64')}`] });
    const signature = createHmac('sha256', key).update(`msg_1.${NOW_SECONDS}.`).update(BODY).digest('base64');
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(NOW_SECONDS) };
    await pass(standard, received({ ...headers, 'webhook-signature': `v1,${signature}` }));
    await mismatch(standard, received({ ...headers, 'webhook-signature': `v1,${signature}` }, `${BODY} `));
  });

  it('signs pieces as their joined bytes, for every algorithm', async () => {
    const pieces = [bytes('v0:12:'), bytes(BODY), new Uint8Array(0), bytes('!')];
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const expected = new Uint8Array(await hmac(algorithm, CURRENT, joinSigned(pieces)));
      expect(new Uint8Array(await sign(algorithm, CURRENT, pieces))).toEqual(expected);
    }
  });
});

describe('the synchronous path (node:crypto)', () => {
  const recipe = HMAC_RECIPES.github;
  const keys = { secrets: [CURRENT, PREVIOUS] };

  it('answers without a promise: nothing on a match, a VerifyError thrown at once on a mismatch', () => {
    expect(
      verifyHmac(recipe, keys, received({ 'x-hub-signature-256': `sha256=${hexOf(PREVIOUS, BODY)}` }), nodeHmac),
    ).toBeUndefined();
    const request = received({ 'x-hub-signature-256': `sha256=${hexOf(OTHER, BODY)}` });
    expect(() => verifyHmac(recipe, keys, request, nodeHmac)).toThrow(VerifyError);
  });

  it('answers with a promise on Web Crypto', async () => {
    const answer = verifyHmac(recipe, keys, received({ 'x-hub-signature-256': `sha256=${hexOf(CURRENT, BODY)}` }), hmac);
    expect(answer).toBeInstanceOf(Promise);
    await answer;
  });

  it('compares every secret with every signature, synchronously when signing is', () => {
    const sign = (secret: string, content: string) => bytes(`${secret}:${content}`);
    expect(anySignatureMatches(['a', 'b'], ['x'], sign, [bytes('nope'), bytes('b:x')])).toBe(true);
    expect(anySignatureMatches(['a', 'b'], ['x'], sign, [undefined, bytes('a:x!')])).toBe(false);
  });

  it('hashes the body itself, not a copy, and joins only when asked', () => {
    const request = received({ 'x-ts': '12' });
    const [body] = signedPieces('{body}', request);
    expect(body).toBe(request.body);
    const pieces = signedPieces('v0:{header:x-ts}:{body}', request);
    expect(pieces.map((piece) => new TextDecoder().decode(piece))).toEqual(['v0:', '12', ':', BODY]);
    expect(pieces[3]).toBe(request.body);
    expect(new TextDecoder().decode(signedContent('v0:{header:x-ts}:{body}', request))).toBe(`v0:12:${BODY}`);
  });
});

describe('fromHex', () => {
  it('decodes both cases and refuses odd lengths and every character outside 0-9, a-f, A-F', () => {
    expect([...(fromHex('00ff7fAb') ?? [])]).toEqual([0, 255, 127, 171]);
    expect(fromHex('')).toEqual(new Uint8Array(0));
    for (const bad of ['0', 'abc', '/0', ':0', '@0', 'G0', '`0', 'g0', '0 ', '０0', 'éé'])
      expect(fromHex(bad), bad).toBeUndefined();
  });
});
