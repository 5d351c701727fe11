/**
 * The one dry run behind the API's `/test` and the editor's preview: events, a handshake's answer,
 * or where and why the sample stopped (with what the template rendered) — verification on or off.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { signGithub, signSlack } from '../../src/cli/signers';
import { type DryRunDeps, dryRun } from '../../src/core/dry-run';
import { DEFAULT_RENDER_LIMITS } from '../../src/core/template/budget';
import { createTemplateCache } from '../../src/core/template/cache';
import { Verify } from '../../src/schemas/verify';
import type { Webhook } from '../../src/schemas/webhook';

const NOW = Date.UTC(2026, 4, 1, 12);
const SECRET = 'dry-run-secret-0123456789';
const BODY = '{"model": "recs"}';

const deps: DryRunDeps = {
  maxBodyBytes: 1024,
  now: () => NOW,
  renderLimits: DEFAULT_RENDER_LIMITS,
  compile: createTemplateCache(compileTemplate),
};

function webhook(fields: Partial<Webhook> = {}): Webhook {
  return {
    id: '0190a0a0-0000-7000-8000-000000000001',
    name: 'models',
    description: '',
    enabled: true,
    slug: 'slug-slug-slug-slug-sl',
    mapping: { kind: 'template', template: '{"event": "model.{{body.model}}", "resource": {"prefect.resource.id": "m"}}' },
    verify: { scheme: 'github', secrets: [SECRET] },
    idFrom: null,
    rateLimit: null,
    created: '2026-05-01T00:00:00Z',
    updated: '2026-05-01T00:00:00Z',
    ...fields,
  };
}

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://hookgate.test/hooks/sample', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('dryRun', () => {
  it('returns the events of a request whose signature holds', async () => {
    const outcome = await dryRun(webhook(), post(BODY, signGithub(SECRET, BODY)), deps, { verify: true });
    expect(outcome).toMatchObject({ kind: 'events', events: [{ event: 'model.recs' }] });
  });

  it.each([
    ['no signature', {}, 'signature-missing'],
    ['a wrong one', signGithub('another-secret-0123456789', BODY), 'signature-mismatch'],
  ])('stops at verification with %s, unless verification is off', async (_, headers, code) => {
    const checked = await dryRun(webhook(), post(BODY, headers), deps, { verify: true });
    expect(checked).toMatchObject({ kind: 'failed', stage: 'verify', error: { status: 401, code } });
    const unchecked = await dryRun(webhook(), post(BODY, headers), deps, { verify: false });
    expect(unchecked).toMatchObject({ kind: 'events', events: [{ event: 'model.recs' }] });
  });

  it('gives a mapping failure with what the template rendered', async () => {
    const broken = webhook({ mapping: { kind: 'template', template: '{"event": {{json body.model}}' } });
    const outcome = await dryRun(broken, post(BODY), deps, { verify: false });
    expect(outcome).toMatchObject({ kind: 'failed', stage: 'map', error: { status: 400 }, rendered: '{"event": "recs"' });
  });

  it('stops at receiving a body over the limit', async () => {
    const outcome = await dryRun(webhook(), post(`"${'x'.repeat(2048)}"`), deps, { verify: false });
    expect(outcome).toMatchObject({ kind: 'failed', stage: 'receive', error: { status: 413, code: 'payload-too-large' } });
  });

  it('answers a handshake the webhook declares (after verification), and makes no event', async () => {
    const verify = Verify.parse({ scheme: 'slack', secrets: [SECRET] });
    const slack = webhook({ verify, handshakes: ['slack-url-verification'] });
    const body = '{"type": "url_verification", "challenge": "c-123"}';
    const signed = await dryRun(slack, post(body, signSlack(SECRET, body, NOW / 1000)), deps, { verify: true });
    expect(signed).toMatchObject({ kind: 'handshake', answer: { status: 200 } });
    expect(signed.kind === 'handshake' && JSON.parse(signed.answer.body)).toEqual({ challenge: 'c-123' });
    const unsigned = await dryRun(slack, post(body), deps, { verify: true });
    expect(unsigned).toMatchObject({ kind: 'failed', stage: 'verify' });
  });

  it('answers a CloudEvents abuse-protection OPTIONS before anything is read', async () => {
    const request = new Request('http://hookgate.test/hooks/sample', {
      method: 'OPTIONS',
      headers: { 'webhook-request-origin': 'sender.example.com' },
    });
    const outcome = await dryRun(webhook(), request, deps, { verify: true });
    expect(outcome).toMatchObject({
      kind: 'handshake',
      answer: { status: 200, headers: { 'webhook-allowed-origin': 'sender.example.com' } },
    });
  });

  it('answers an unsigned handshake the webhook declares (WooCommerce ping) on the received bytes', async () => {
    const woo = webhook({ handshakes: ['woocommerce-ping'] });
    const ping = new Request('http://hookgate.test/hooks/sample', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'webhook_id=7',
    });
    expect(await dryRun(woo, ping, deps, { verify: true })).toMatchObject({
      kind: 'handshake',
      answer: { status: 200, body: '' },
    });
    expect(await dryRun(woo, post('webhook_id=7&x=1'), deps, { verify: true })).toMatchObject({
      kind: 'failed',
      stage: 'verify',
    });
  });
});
