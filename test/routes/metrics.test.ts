/**
 * `GET /metrics`: requests by webhook and status, verification failures by code, events stored —
 * open like any /metrics, in Prometheus' text format, never with a slug or a secret. Verification
 * failures are also logged with the webhook id, scheme and code only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signGithub } from '../../src/cli/signers';
import { createCounters } from '../../src/core/metrics';
import type { Logger } from '../../src/deps';
import { createTestApp, type TestApp } from '../helpers/app';

const SECRET = 'metrics-github-secret-9876';
const BODY = JSON.stringify({ repository: { full_name: 'o/r' }, sender: { login: 'me' } });

describe('GET /metrics', () => {
  let t: TestApp;
  let logs: { level: string; message: string; fields?: Record<string, unknown> }[];

  beforeEach(() => {
    logs = [];
    const log: Logger = {
      info: (message, fields) => logs.push({ level: 'info', message, fields }),
      warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
      error: (message, fields) => logs.push({ level: 'error', message, fields }),
    };
    t = createTestApp({ log });
  });
  afterEach(() => t.close());

  it('counts requests by webhook and status, verification failures by code and events stored', async () => {
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'gh', preset: 'github', verify: { secrets: [SECRET] } },
    });
    const hook = (await created.json()) as { id: string; slug: string };
    const send = (headers: Record<string, string>) =>
      t.app.request(`/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'push', ...headers },
        body: BODY,
      });
    expect((await send(signGithub(SECRET, BODY))).status).toBe(204);
    expect((await send(signGithub('wrong-secret', BODY))).status).toBe(401);
    expect((await send({})).status).toBe(401);
    expect((await t.app.request('/hooks/AAAAAAAAAAAAAAAAAAAAAA', { method: 'POST' })).status).toBe(404);

    const response = await t.api('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE hookgate_hook_requests_total counter',
        `hookgate_hook_requests_total{webhook="${hook.id}",status="204"} 1`,
        `hookgate_hook_requests_total{webhook="${hook.id}",status="401"} 2`,
        'hookgate_hook_requests_total{webhook="unknown",status="404"} 1',
        `hookgate_verification_failures_total{webhook="${hook.id}",code="signature-mismatch"} 1`,
        `hookgate_verification_failures_total{webhook="${hook.id}",code="signature-missing"} 1`,
        `hookgate_events_stored_total{webhook="${hook.id}"} 1`,
      ]),
    );
    expect(text).not.toContain(hook.slug);
    expect(text).not.toContain(SECRET);

    const failures = logs.filter((line) => line.message === 'webhook verification failed');
    expect(failures.map((line) => line.fields)).toEqual([
      { webhook: hook.id, scheme: 'github', code: 'signature-mismatch' },
      { webhook: hook.id, scheme: 'github', code: 'signature-missing' },
    ]);
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(hook.slug);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(signGithub('wrong-secret', BODY)['x-hub-signature-256']);
  });

  it('is per app: a new app starts from zero', async () => {
    const text = await (await t.api('/metrics')).text();
    expect(text).toContain('# HELP hookgate_hook_requests_total');
    expect(text).not.toMatch(/^hookgate_\w+\{/m);
  });
});

describe('createCounters', () => {
  it('escapes label values as the text format requires and refuses undeclared counters', () => {
    const counters = createCounters({ c_total: 'help' });
    counters.inc('c_total', { v: 'a"b\\c\nd' }, 2);
    counters.inc('c_total', { v: 'a"b\\c\nd' });
    expect(counters.render()).toBe('# HELP c_total help\n# TYPE c_total counter\nc_total{v="a\\"b\\\\c\\nd"} 3\n');
    expect(() => counters.inc('other_total')).toThrow('undeclared counter other_total');
  });
});
