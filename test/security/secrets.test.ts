/**
 * Secrets never leave: a session that uses every secret-bearing scheme — creating, listing,
 * patching and rotating webhooks, dry runs, valid and refused deliveries, the events API and
 * /metrics — and then greps every API response (bodies and headers), every log line and every
 * stored event for every secret, and log lines for slugs and signatures too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGithub, signPagerduty, signSlack, signStandard, signStripe, signTwilio } from '../../src/cli/signers';
import type { Logger } from '../../src/deps';
import { createTestApp, type TestApp } from '../helpers/app';
import { storedEvents } from '../helpers/hooks';

const NOW_SECONDS = 1_774_612_800;
const PUBLIC_URL = 'https://hooks.example.com';
/** Distinctive secrets, so a leak is found wherever it is. */
const S = (name: string) => `SECRET-${name}-7f3a9c1e5b`;
const WHSEC = 'whsec_U0VDUkVULXN0YW5kYXJkLXdlYmhvb2tzLWtleQ==';

interface Setup {
  name: string;
  input: Record<string, unknown>;
  secrets: string[];
  /** A valid delivery: headers and body. */
  deliver(slug: string): { headers: Record<string, string>; body: string };
}

const TEMPLATE = { kind: 'template', template: '{"event": "e", "resource": {"prefect.resource.id": "r"}}' };
const JSON_BODY = JSON.stringify({ kind: 'k', id: 1, repository: { full_name: 'o/r' }, sender: { login: 'me' } });

const SETUPS: Setup[] = [
  {
    name: 'bearer',
    input: { mapping: TEMPLATE, verify: { scheme: 'bearer', secrets: [S('bearer-old'), S('bearer')] } },
    secrets: [S('bearer-old'), S('bearer')],
    deliver: () => ({ headers: { authorization: `Bearer ${S('bearer')}` }, body: JSON_BODY }),
  },
  {
    name: 'basic',
    input: { mapping: TEMPLATE, verify: { scheme: 'basic', username: 'ci', secrets: [S('basic')] } },
    secrets: [S('basic')],
    deliver: () => ({ headers: { authorization: `Basic ${btoa(`ci:${S('basic')}`)}` }, body: JSON_BODY }),
  },
  {
    name: 'gitlab (the token travels as a header, and is dropped after verification)',
    input: { preset: 'gitlab', verify: { secrets: [S('gitlab')] }, mapping: TEMPLATE },
    secrets: [S('gitlab')],
    deliver: () => ({ headers: { 'x-gitlab-token': S('gitlab'), 'x-gitlab-event': 'Push Hook' }, body: JSON_BODY }),
  },
  {
    name: 'github',
    input: { preset: 'github', verify: { secrets: [S('github')] } },
    secrets: [S('github')],
    deliver: () => ({ headers: { 'x-github-event': 'push', ...signGithub(S('github'), JSON_BODY) }, body: JSON_BODY }),
  },
  {
    name: 'stripe',
    input: { preset: 'stripe', verify: { secrets: [S('stripe')] } },
    secrets: [S('stripe')],
    deliver: () => {
      const body = JSON.stringify({
        id: 'evt_1',
        type: 'customer.created',
        created: NOW_SECONDS,
        data: { object: { object: 'customer', id: 'cus_1' } },
      });
      return { headers: signStripe([S('stripe')], body, NOW_SECONDS), body };
    },
  },
  {
    name: 'slack',
    input: { preset: 'slack', verify: { secrets: [S('slack')] } },
    secrets: [S('slack')],
    deliver: () => {
      const body = JSON.stringify({
        type: 'app_rate_limited',
        token: 'legacy-verification-token',
        team_id: 'T1',
        api_app_id: 'A1',
      });
      return { headers: signSlack(S('slack'), body, NOW_SECONDS), body };
    },
  },
  {
    name: 'pagerduty',
    input: { preset: 'pagerduty', verify: { secrets: [S('pagerduty')] } },
    secrets: [S('pagerduty')],
    deliver: () => {
      const body = JSON.stringify({
        event: { id: 'E1', event_type: 'pagey.ping', resource_type: 'pagey', occurred_at: '2026-03-27T12:00:00Z', data: {} },
      });
      return { headers: signPagerduty([S('pagerduty')], body), body };
    },
  },
  {
    name: 'standard-webhooks',
    input: { preset: 'standard-webhooks', verify: { secrets: [WHSEC] } },
    secrets: [WHSEC, WHSEC.slice('whsec_'.length)],
    deliver: () => ({ headers: signStandard([WHSEC], 'msg_1', NOW_SECONDS, JSON_BODY), body: JSON_BODY }),
  },
  {
    name: 'twilio',
    input: { preset: 'twilio', verify: { secrets: [S('twilio')] } },
    secrets: [S('twilio')],
    deliver: (slug) => {
      const body = 'MessageSid=SM1&SmsStatus=received&AccountSid=AC1&From=%2B1555&To=%2B1666';
      return {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...signTwilio(S('twilio'), `${PUBLIC_URL}/hooks/${slug}`, [...new URLSearchParams(body)]),
        },
        body,
      };
    },
  },
  {
    name: 'hmac',
    input: {
      mapping: TEMPLATE,
      verify: { scheme: 'hmac', header: 'x-hub-signature-256', prefix: 'sha256=', secrets: [S('hmac')] },
    },
    secrets: [S('hmac')],
    deliver: () => ({ headers: signGithub(S('hmac'), JSON_BODY), body: JSON_BODY }),
  },
];

const ALL_SECRETS = SETUPS.flatMap((setup) => setup.secrets);

let t: TestApp;
const logs: string[] = [];
const responses: string[] = [];
const slugs: string[] = [];
const signatures: string[] = [];

async function record(response: Response | Promise<Response>): Promise<Response> {
  const r = await response;
  const headers = [...r.headers.entries()].map(([key, value]) => `${key}: ${value}`).join('\n');
  responses.push(`${r.status}\n${headers}\n${await r.clone().text()}`);
  return r;
}

beforeAll(async () => {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logs.push(JSON.stringify({ level, message, ...fields }));
  const log: Logger = { info: line('info'), warn: line('warn'), error: line('error') };
  t = createTestApp({ log, now: () => NOW_SECONDS * 1000, publicUrl: PUBLIC_URL });

  for (const setup of SETUPS) {
    const created = await record(t.api('/api/webhooks', { method: 'POST', json: { name: setup.name, ...setup.input } }));
    expect(created.status, setup.name).toBe(201);
    const hook = (await created.json()) as { id: string; slug: string };
    slugs.push(hook.slug);
    const send = (headers: Record<string, string>, body: string) =>
      record(
        t.app.request(`/hooks/${hook.slug}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        }),
      );

    const valid = setup.deliver(hook.slug);
    signatures.push(...Object.values(valid.headers).filter((value) => value.length > 20));
    expect((await send(valid.headers, valid.body)).status, setup.name).toBeLessThan(300);
    const altered = Object.fromEntries(
      Object.entries(valid.headers).map(([key, value]) => [key, key === 'content-type' ? value : `${value}x`]),
    );
    expect((await send(altered, valid.body)).status, setup.name).toBe(401);
    expect((await send({}, valid.body)).status).toBe(401);
    // A body that cannot be mapped: token schemes reach the mapping and store a failure event with the headers.
    expect((await send(valid.headers, '{')).status).toBeGreaterThanOrEqual(400);

    await record(t.api(`/api/webhooks/${hook.id}`));
    await record(t.api(`/api/webhooks/${hook.id}`, { method: 'PATCH', json: { name: `${setup.name} (renamed)` } }));
    await record(t.api(`/api/webhooks/${hook.id}/test`, { method: 'POST', json: { body: { x: 1 } } }));
    const rotated = (await (await record(t.api(`/api/webhooks/${hook.id}/rotate`, { method: 'POST' }))).json()) as {
      slug: string;
    };
    slugs.push(rotated.slug);
  }
  await record(t.api('/api/webhooks'));
  // Refused input that holds secrets: the problem must not echo them.
  await record(
    t.api('/api/webhooks', { method: 'POST', json: { name: 'x', preset: 'github', verify: { secrets: [S('refused'), ''] } } }),
  );
  await record(
    t.api('/api/webhooks', { method: 'POST', json: { name: 'x', preset: 'nope', verify: { secrets: [S('refused')] } } }),
  );
  await record(
    t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'x', preset: 'github', verify: { secrets: [S('refused')], extra: S('refused') } },
    }),
  );
  await record(t.api('/api/events/filter', { method: 'POST', json: { limit: 200 } }));
  await record(t.api('/metrics'));
});
afterAll(() => t.close());

describe('no secret leaves hookgate', () => {
  it('exercised every scheme, valid and refused', () => {
    expect(responses.length).toBeGreaterThan(SETUPS.length * 8);
    expect(logs.some((line) => line.includes('webhook verification failed'))).toBe(true);
  });

  it('no API response (body or header) contains a secret', () => {
    for (const secret of [...ALL_SECRETS, S('refused')]) {
      for (const response of responses) expect(response, `a response holds ${secret}`).not.toContain(secret);
    }
  });

  it('no log line contains a secret, a slug or a signature', () => {
    for (const needle of [...ALL_SECRETS, ...slugs, ...signatures]) {
      for (const line of logs) expect(line, `a log line holds ${needle}`).not.toContain(needle);
    }
  });

  it('no stored event (failure events included) contains a secret', () => {
    const events = JSON.stringify(storedEvents(t.dbFile));
    expect(events).toContain('hookgate.webhook.failed');
    for (const secret of ALL_SECRETS) expect(events, secret).not.toContain(secret);
    expect(events).not.toContain('legacy-verification-token');
  });

  it('API views show hints for secrets, never the secrets', () => {
    const list = responses.filter((response) => response.includes('secretHints'));
    expect(list.length).toBeGreaterThan(0);
    expect(list.join('\n')).toContain('…');
  });
});
