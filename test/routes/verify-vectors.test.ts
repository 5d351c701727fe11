/**
 * Every published signature vector — `../shared/fixtures/signatures/vectors.json` and
 * `../shared/fixtures/standardwebhooks/vectors.json`, valid and invalid — sent over real HTTP to
 * a running server, with the app's clock at the vector's `now`. A valid vector is stored (204), an
 * invalid one refused (401) and not stored.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStandard } from '../../src/cli/signers';
import { standardSignedContent } from '../../src/core/verify/standard-webhooks';
import { TEST_TOKEN } from '../helpers/app';
import { eventsOf, type ServedApp, serveTestApp } from '../helpers/hooks';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;

interface SignatureVector {
  id: string;
  scheme: string;
  secret: string;
  headers: Record<string, string>;
  body: string;
  body_file?: string;
  content_type?: string;
  url?: string;
  now?: number;
  tolerance_seconds?: number;
  expected_valid: boolean;
}

interface StandardVector {
  id: string;
  kind: 'sign' | 'verify' | 'sign_error' | 'secret_error' | 'to_sign';
  secret?: string;
  msg_id: string;
  timestamp: number | string;
  payload: string;
  expected_signature?: string;
  headers?: Record<string, string>;
  now?: number;
  expected_valid?: boolean;
  expected_to_sign?: string;
}

const SIGNATURES = read<{ vectors: SignatureVector[] }>('signatures/vectors.json').vectors;
const STANDARD = read<{ vectors: StandardVector[] }>('standardwebhooks/vectors.json').vectors;
const STATIC = { kind: 'static', event: { event: 'vector.accepted', resource: { 'prefect.resource.id': 'vector' } } };

/** The webhook `verify` settings each vector scheme is. */
function verifyFor(vector: SignatureVector): Record<string, unknown> {
  const secrets = [vector.secret];
  const tolerance = vector.tolerance_seconds ? { toleranceSeconds: vector.tolerance_seconds } : {};
  switch (vector.scheme) {
    case 'github-hmac-sha256':
      return { scheme: 'github', secrets };
    case 'github-hmac-sha1-legacy':
      return { scheme: 'hmac', secrets, header: 'X-Hub-Signature', algorithm: 'sha1', prefix: 'sha1=' };
    case 'stripe-v1':
      return { scheme: 'stripe', secrets, ...tolerance };
    case 'slack-v0':
      return { scheme: 'slack', secrets, ...tolerance };
    case 'standard-webhooks-v1':
      return { scheme: 'standard-webhooks', secrets, ...tolerance };
    case 'twilio-hmac-sha1':
      // The URL Twilio called, as a proxy in front of hookgate would receive it (query appended per request).
      return { scheme: 'twilio', secrets, url: (vector.url ?? '').split('?')[0] };
    case 'pagerduty-v3':
      return { scheme: 'pagerduty', secrets };
    case 'shopify-hmac-sha256-base64':
      return { scheme: 'shopify', secrets };
    case 'linear-hmac-sha256-hex':
      return { scheme: 'linear', secrets };
    case 'sentry-hmac-sha256-hex':
      return { scheme: 'sentry', secrets };
    case 'gitlab-token':
      return { scheme: 'gitlab', secrets };
    default:
      throw new Error(`no verify settings for vector scheme ${vector.scheme}`);
  }
}

let served: ServedApp;
let clockMs = Date.now();

beforeAll(async () => {
  served = await serveTestApp({ now: () => clockMs });
});
afterAll(() => served.stop());

async function createHook(verify: Record<string, unknown>): Promise<Response> {
  return fetch(`${served.base}/api/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'vector', mapping: STATIC, verify }),
  });
}

/** Sends `body` with `headers` to a new webhook verifying with `verify`, at `now` (seconds). */
async function deliver(
  verify: Record<string, unknown>,
  request: { headers: Record<string, string>; body: string; contentType?: string; query?: string; now?: number },
): Promise<{ status: number; code?: string; stored: number }> {
  const created = await createHook(verify);
  expect(created.status, await created.clone().text()).toBe(201);
  const hook = (await created.json()) as { id: string; slug: string };
  clockMs = request.now !== undefined ? request.now * 1000 : Date.now();
  const response = await fetch(`${served.base}/hooks/${hook.slug}${request.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': request.contentType ?? 'application/json', ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  const code = response.status === 401 ? (JSON.parse(text) as { code: string }).code : undefined;
  return { status: response.status, code, stored: eventsOf(served.dbFile, hook).length };
}

describe('signatures/vectors.json over HTTP', () => {
  it.each(SIGNATURES.map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const body = vector.body_file ? readFileSync(new URL(vector.body_file, FIXTURES), 'utf8') : vector.body;
    if (vector.body_file) expect(body).toBe(vector.body);
    const query = vector.url?.includes('?') ? `?${vector.url.split('?')[1]}` : '';
    const result = await deliver(verifyFor(vector), {
      headers: vector.headers,
      body,
      contentType: vector.content_type,
      query,
      now: vector.now,
    });
    expect(result).toMatchObject(vector.expected_valid ? { status: 204, stored: 1 } : { status: 401, stored: 0 });
  });
});

describe('standardwebhooks/vectors.json over HTTP', () => {
  const byKind = (kind: StandardVector['kind']) => STANDARD.filter((v) => v.kind === kind).map((v) => [v.id, v] as const);

  it.each(byKind('verify'))('%s (verify)', async (_id, vector) => {
    const result = await deliver(
      { scheme: 'standard-webhooks', secrets: [vector.secret] },
      { headers: vector.headers ?? {}, body: vector.payload, now: vector.now },
    );
    expect(result).toMatchObject(vector.expected_valid ? { status: 204, stored: 1 } : { status: 401, stored: 0 });
  });

  it.each(byKind('sign'))('%s (sign): the published signature is accepted at its timestamp', async (_id, vector) => {
    const headers = {
      'webhook-id': vector.msg_id,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': vector.expected_signature ?? '',
    };
    const result = await deliver(
      { scheme: 'standard-webhooks', secrets: [vector.secret] },
      { headers, body: vector.payload, now: Number(vector.timestamp) },
    );
    expect(result).toMatchObject({ status: 204, stored: 1 });
  });

  it.each(byKind('sign_error'))(
    '%s (sign_error): a timestamp that is not a whole number of seconds is refused, even correctly signed',
    async (_id, vector) => {
      const headers = signStandard([vector.secret ?? ''], vector.msg_id, vector.timestamp, vector.payload);
      const result = await deliver(
        { scheme: 'standard-webhooks', secrets: [vector.secret] },
        { headers, body: vector.payload, now: 161426533 },
      );
      expect(result).toMatchObject({ status: 401, code: 'timestamp-out-of-tolerance', stored: 0 });
    },
  );

  it.each(byKind('secret_error'))('%s (secret_error): the secret is refused when the webhook is saved', async (_id, vector) => {
    const response = await createHook({ scheme: 'standard-webhooks', secrets: [vector.secret] });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('validation-failed');
    expect(problem.issues.map((issue) => issue.path)).toContain('verify.secrets[0]');
  });

  it.each(byKind('to_sign'))('%s (to_sign): the signed content, and a request signed over it', async (_id, vector) => {
    const content = standardSignedContent(vector.msg_id, String(vector.timestamp), new TextEncoder().encode(vector.payload));
    expect(new TextDecoder().decode(content)).toBe(vector.expected_to_sign);
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = signStandard([secret], vector.msg_id, vector.timestamp, vector.payload);
    const result = await deliver(
      { scheme: 'standard-webhooks', secrets: [secret] },
      { headers, body: vector.payload, now: Number(vector.timestamp) },
    );
    expect(result).toMatchObject({ status: 204, stored: 1 });
  });
});
