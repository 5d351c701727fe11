/**
 * Hostile input (issue 14): property-based fuzzing of a live gateway (the built one, in a child
 * process) — the webhook endpoint over static, template, CloudEvents and HMAC-verified webhooks,
 * the events API, the filter and count API, and hostile templates saved through the API. Random
 * bytes, wrong content types, deep and wide JSON, invalid UTF-8, prototype keys, huge headers,
 * CloudEvents oddities. Invariants: no 5xx, no crash, RSS bounded, every 4xx a problem+json with a
 * stable kebab-case code. A fixed seed in CI; HOOKGATE_FUZZ_RUNS (runs per property) and
 * HOOKGATE_FUZZ_SEED for a longer or another run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFetch, buildGateway, type GatewayProcess, spawnGateway } from '../helpers/gateway-process';

const RUNS = Number(process.env.HOOKGATE_FUZZ_RUNS ?? 80);
const SEED = Number(process.env.HOOKGATE_FUZZ_SEED ?? 20261207);
const MAX_RSS_MB = 400;
/** Node's HTTP parser answers these itself (headers over 16 KiB, broken framing): plain, not ours. */
const HTTP_LAYER_STATUSES = new Set([400, 431]);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const tally: Record<string, Record<string, number>> = {};
const violations: string[] = [];
const codes = new Set<string>();
let gw: GatewayProcess;
let dir: string;
let peakRssMb = 0;
const hooks: Record<string, string> = {};

/** Sends one request and checks the invariants; returns the status. */
async function probe(category: string, url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<number> {
  let status = 0;
  let contentType = '';
  let text = '';
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    text = await response.text();
  } catch (error) {
    violations.push(`${category}: no answer (${(error as Error).message})`);
  }
  const bucket = tally[category] ?? {};
  tally[category] = bucket;
  bucket[status] = (bucket[status] ?? 0) + 1;
  if (status >= 500) violations.push(`${category}: ${status} ${text.slice(0, 200)}`);
  if (status >= 400 && status < 500) {
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown }).code;
    } catch {}
    if (typeof code === 'string') codes.add(code);
    const fromHttpLayer = HTTP_LAYER_STATUSES.has(status) && !contentType.startsWith('application/problem+json');
    if (
      !fromHttpLayer &&
      (!contentType.startsWith('application/problem+json') || typeof code !== 'string' || !KEBAB.test(code))
    ) {
      violations.push(`${category}: ${status} not a problem+json with a stable code: ${contentType} ${text.slice(0, 200)}`);
    }
  }
  peakRssMb = Math.max(peakRssMb, gw.rssMb());
  return status;
}

// ---- generators ----

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const key = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

const deep = fc.integer({ min: 50, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = fc.integer({ min: 50, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const wide = fc
  .integer({ min: 1000, max: 60_000 })
  .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`);
type FuzzBody = string | Uint8Array<ArrayBuffer>;
const invalidUtf8: fc.Arbitrary<FuzzBody> = fc
  .uint8Array({ maxLength: 64 })
  .map((bytes) => new Uint8Array([0x7b, 0x22, 0xc3, 0x28, ...bytes, 0xff, 0xfe, 0x22, 0x7d]));

/** CloudEvents in structured and batch mode, with odd attributes. */
const cloudEvent = fc.record(
  {
    specversion: fc.oneof(fc.constantFrom('1.0', '0.3', '2.0'), jsonValue),
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 20 }), jsonValue),
    source: fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 }), jsonValue),
    type: fc.oneof(fc.string({ maxLength: 30 }), jsonValue),
    subject: jsonValue,
    time: fc.oneof(fc.constantFrom('2026-01-01T00:00:00Z', 'now', '2026-13-45T99:99:99Z'), jsonValue),
    datacontenttype: contentTypeValue(),
    data: jsonValue,
    data_base64: fc.oneof(fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 20 })),
    __proto__ext: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: [] },
);
const cloudEvents = fc.oneof(
  cloudEvent.map((e) => JSON.stringify(e)),
  fc.array(cloudEvent, { maxLength: 5 }).map((e) => JSON.stringify(e)),
);

const body: fc.Arbitrary<FuzzBody> = fc.oneof(
  cloudEvents,
  fc.uint8Array({ maxLength: 2048 }).map((bytes): FuzzBody => new Uint8Array(bytes)),
  invalidUtf8,
  jsonValue.map((v) => JSON.stringify(v) ?? ''),
  fc.string({ maxLength: 500 }),
  deep,
  deepObject,
  wide,
  fc.constant('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
);

function contentTypeValue() {
  return fc.constantFrom('application/json', 'text/plain', 'application/xml', 'application/octet-stream', '', 'x');
}

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'application/cloudevents+json',
    'application/cloudevents-batch+json',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/xml',
    '',
  ),
  fc.stringMatching(/^[a-z]{1,10}\/[a-z+.-]{1,20}$/),
);

/** Header values fetch can send (Latin-1 printable), some huge (past the 16 KiB header limit). */
const headerValue = fc.oneof(
  { arbitrary: fc.stringMatching(/^[ -~]{0,80}$/), weight: 9 },
  { arbitrary: fc.integer({ min: 4_000, max: 40_000 }).map((n) => 'h'.repeat(n)), weight: 1 },
);
const ceHeaders = fc.record(
  {
    'ce-specversion': fc.constantFrom('1.0', '0.3', '2.0', '', 'x'),
    'ce-id': fc.stringMatching(/^[ -~]{0,40}$/),
    'ce-source': fc.stringMatching(/^[ -~]{0,40}$/),
    'ce-type': fc.stringMatching(/^[ -~]{0,40}$/),
    'ce-time': fc.constantFrom('2026-01-01T00:00:00Z', 'yesterday', '9999-99-99', ''),
    'ce-datacontenttype': contentType,
  },
  { requiredKeys: [] },
);
const headers = fc
  .tuple(
    fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue, { maxKeys: 4 }),
    ceHeaders,
    contentType,
    fc.option(fc.stringMatching(/^sha256=[0-9a-f]{0,64}$/)),
  )
  .map(([extra, ce, type, signature]) => ({
    ...extra,
    ...ce,
    ...(type ? { 'content-type': type } : {}),
    ...(signature ? { 'x-signature': signature } : {}),
  }));
const method = fc.constantFrom('POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS');

const hostileTemplate = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{{constructor.constructor "return process"}}',
    '{{#with this}}{{lookup this "__proto__"}}{{/with}}',
    '{"event": "{{body.__proto__.polluted}}", "resource": {"prefect.resource.id": "x{{body.constructor}}"}}',
    '{{#each body}}{{#each this}}{{#each this}}{{this}}{{/each}}{{/each}}{{/each}}',
    '{{> partial}}',
    '{{{{raw}}}} {{{{/raw}}}}',
    '{"event": "x", "resource": {"prefect.resource.id": "{{json body}}"}}}',
    `${'{{#if true}}'.repeat(200)}x${'{{/if}}'.repeat(200)}`,
    '[{{#each body}}{"event":"e","resource":{"prefect.resource.id":"{{@key}}"}},{{/each}}{}]',
    '{{jsonParse rawBody}}{{base64Decode rawBody}}{{isoDate body}}{{uuid5 body body}}{{truncate body -1}}',
  ),
);

// ---- the suite ----

describe('hostile input on a live gateway (issue 14)', () => {
  beforeAll(async () => {
    const entry = buildGateway('hostile');
    dir = mkdtempSync(join(tmpdir(), 'hookgate-hostile-'));
    gw = await spawnGateway({ entry, env: { HOOKGATE_DB: join(dir, 'hookgate.db') } });
    const mappings: Record<string, Record<string, unknown>> = {
      static: { mapping: { kind: 'static', event: { event: 'fuzz.static', resource: { 'prefect.resource.id': 'fuzz' } } } },
      template: {
        idFrom: 'body:id',
        mapping: {
          kind: 'template',
          template:
            '{"event": "fuzz.{{body.kind}}", "resource": {"prefect.resource.id": "fuzz.{{default body.id "none"}}", "label": {{json body.label}}}, "payload": {{json body}}}',
        },
      },
      cloudevents: { mapping: { kind: 'cloudevents' } },
      hmac: {
        verify: {
          scheme: 'hmac',
          header: 'x-signature',
          algorithm: 'sha256',
          encoding: 'hex',
          prefix: 'sha256=',
          secrets: ['s3cret-s3cret'],
        },
        mapping: { kind: 'static', event: { event: 'fuzz.hmac', resource: { 'prefect.resource.id': 'fuzz' } } },
      },
    };
    for (const [name, settings] of Object.entries(mappings)) {
      const created = await adminFetch(gw.url, '/api/webhooks', { method: 'POST', json: { name, ...settings } });
      expect(created.status).toBe(201);
      hooks[name] = ((await created.json()) as { slug: string }).slug;
    }
  }, 60_000);

  afterAll(async () => {
    const alive = gw.child.exitCode === null && gw.child.signalCode === null;
    console.log(
      `[hostile-input] seed ${SEED}, ${RUNS} runs per property; requests per category: ${JSON.stringify(tally)}; ` +
        `peak RSS ${Math.round(peakRssMb)} MB; alive ${alive}; violations ${violations.length}; codes ${[...codes].sort().join(' ')}`,
    );
    await gw.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true };

  it('the webhook endpoint: any method, content type, headers and body, on every mapping kind', {
    timeout: 240_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('static', 'template', 'cloudevents', 'hmac'),
        method,
        headers,
        body,
        async (kind, m, h, b) => {
          const bodyless = m === 'GET';
          await probe(`hooks:${kind}`, `${gw.url}/hooks/${hooks[kind]}`, {
            method: m,
            headers: h,
            body: bodyless ? undefined : b,
          });
          return violations.length === 0;
        },
      ),
      settings,
    );
    expect(violations).toEqual([]);
  });

  it('the events API: random batches, prototype keys, wrong types, random bytes', { timeout: 240_000 }, async () => {
    const eventish = fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
        occurred: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string({ maxLength: 30 }),
        ),
        event: fc.oneof(fc.string({ maxLength: 40 }), jsonValue),
        resource: fc.oneof(fc.dictionary(key, fc.oneof(fc.string({ maxLength: 20 }), jsonValue), { maxKeys: 5 }), jsonValue),
        related: fc.oneof(
          fc.array(fc.dictionary(key, fc.string({ maxLength: 10 }), { maxKeys: 4 }), { maxLength: 4 }),
          jsonValue,
        ),
        payload: jsonValue,
        follows: fc.oneof(fc.constant(null), fc.uuid(), jsonValue),
      },
      { requiredKeys: [] },
    );
    const batch: fc.Arbitrary<FuzzBody> = fc.oneof(
      fc.array(eventish, { maxLength: 8 }).map((events) => JSON.stringify(events)),
      body,
    );
    await fc.assert(
      fc.asyncProperty(batch, contentType, async (b, type) => {
        await probe('api:events', `${gw.url}/api/events`, { method: 'POST', headers: adminHeaders(type), body: b });
        return violations.length === 0;
      }),
      settings,
    );
    expect(violations).toEqual([]);
  });

  it('the filter and count API: random filters, limits, orders and page tokens', { timeout: 240_000 }, async () => {
    const filterKeys = ['occurred', 'event', 'resource', 'related', 'any_resource', 'id', 'text', 'order', ...PROTO_KEYS];
    const filter = fc.dictionary(fc.constantFrom(...filterKeys), jsonValue, { maxKeys: 5 });
    const request = fc.record(
      {
        filter: fc.oneof(filter, jsonValue),
        limit: fc.oneof(fc.integer({ min: -5, max: 500 }), jsonValue),
        time_unit: jsonValue,
      },
      { requiredKeys: [] },
    );
    const path = fc.constantFrom(
      '/api/events/filter',
      '/api/events/count-by/day',
      '/api/events/count-by/event',
      '/api/events/count-by/nope',
    );
    await fc.assert(
      fc.asyncProperty(path, request, fc.string({ maxLength: 80 }), async (p, r, token) => {
        await probe('api:filter', `${gw.url}${p}`, {
          method: 'POST',
          headers: adminHeaders('application/json'),
          body: JSON.stringify(r),
        });
        await probe('api:filter', `${gw.url}/api/events/filter/next?page-token=${encodeURIComponent(token)}`, {
          headers: adminHeaders(''),
        });
        return violations.length === 0;
      }),
      settings,
    );
    expect(violations).toEqual([]);
  });

  it('hostile templates saved through the API, then fed requests', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileTemplate, body, async (template, b) => {
        const status = await probe('api:templates', `${gw.url}/api/webhooks`, {
          method: 'POST',
          headers: adminHeaders('application/json'),
          body: JSON.stringify({ name: 'hostile', mapping: { kind: 'template', template } }),
        });
        if (status !== 201) return violations.length === 0;
        const list = (await (await adminFetch(gw.url, '/api/webhooks')).json()) as { id: string; slug: string; name: string }[];
        const created = list.filter((w) => w.name === 'hostile');
        for (const w of created) {
          await probe('hooks:hostile-template', `${gw.url}/hooks/${w.slug}`, {
            method: 'POST',
            body: b,
            headers: { 'content-type': 'application/json' },
          });
          await adminFetch(gw.url, `/api/webhooks/${w.id}`, { method: 'DELETE' });
        }
        return violations.length === 0;
      }),
      settings,
    );
    expect(violations).toEqual([]);
  });

  it('is still alive, healthy and within its memory bound afterwards', async () => {
    expect(gw.child.exitCode).toBeNull();
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    expect(peakRssMb).toBeLessThan(MAX_RSS_MB);
  });
});

function adminHeaders(type: string): Record<string, string> {
  return { authorization: 'Bearer process-suite-admin-token-0123456789', ...(type ? { 'content-type': type } : {}) };
}
