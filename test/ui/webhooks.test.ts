/**
 * The webhook pages over HTTP: create from a preset or a mapping kind, the list's counts, the
 * editor's preview (events, or the error with its position), save, enable, rotate, delete, replay.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { createUiClient, type UiClient } from './ui-client';

const TEMPLATE = '{"event": "shop.{{body.action}}", "resource": {"prefect.resource.id": "shop.order.{{body.id}}"}}';

describe('the webhook pages', () => {
  let t: TestApp;
  let ui: UiClient;
  let csrf: string;
  beforeEach(async () => {
    t = createTestApp();
    ui = createUiClient((request) => t.app.fetch(request));
    await ui.signIn(TEST_TOKEN);
    csrf = await ui.csrf();
  });
  afterEach(() => t.close());

  async function create(fields: Record<string, string>): Promise<string> {
    const response = await ui.post('/ui/webhooks', { _csrf: csrf, description: '', secret: '', ...fields });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/ui\/webhooks\/[0-9a-f-]{36}\?done=created$/);
    return location.slice('/ui/webhooks/'.length, location.indexOf('?'));
  }

  const apiGet = async (id: string) => (await (await t.api(`/api/webhooks/${id}`)).json()) as Record<string, unknown>;
  const preview = async (id: string, body: Record<string, string>) =>
    (
      await ui.request(`/ui/webhooks/${id}/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      })
    ).text();

  it('creates from a preset with its secret, and from each mapping kind', async () => {
    const github = await create({ name: 'GitHub', source: 'preset:github', secret: 'github-secret-0123456789' });
    expect(await apiGet(github)).toMatchObject({ preset: 'github', verify: { scheme: 'github', secretHints: ['…6789'] } });
    const discord = await create({ name: 'Discord', source: 'preset:discord', secret: 'a'.repeat(64) });
    expect(await apiGet(discord)).toMatchObject({ verify: { scheme: 'discord', publicKeys: ['a'.repeat(64)] } });
    for (const kind of ['template', 'static', 'cloudevents']) {
      const id = await create({ name: `Mine (${kind})`, source: `kind:${kind}` });
      expect(await apiGet(id)).toMatchObject({ mapping: { kind }, verify: { scheme: 'none' } });
    }
    const bearer = await create({ name: 'Cron', source: 'kind:static', secret: 'cron-token-0123456789' });
    expect(await apiGet(bearer)).toMatchObject({ verify: { scheme: 'bearer' }, mapping: { event: { event: 'cron.called' } } });
    const list = await (await ui.request('/ui/webhooks')).text();
    expect(list.match(/role="switch"/g)).toHaveLength(6);
  });

  it('shows the API\u2019s reason when it cannot create', async () => {
    const missing = await ui.post('/ui/webhooks', { _csrf: csrf, name: 'GitHub', source: 'preset:github', secret: '' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('role="alert"');
    const unknown = await ui.post('/ui/webhooks', { _csrf: csrf, name: 'x', source: 'preset:nope' });
    expect(await unknown.text()).toContain('unknown preset');
    expect(await (await t.api('/api/webhooks')).json()).toEqual([]);
  });

  it('previews drafts: the events, or the error with its line and column', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template' });
    const pasted = { sample: 'pasted', method: 'POST', headers: 'X-Shop: 1', body: '{"action": "paid", "id": 7}' };
    const ok = await preview(id, { ...pasted, mapping_text: TEMPLATE });
    expect(ok).toContain('Renders 1 event');
    expect(ok).toContain('shop.order.7');
    const broken = await preview(id, { ...pasted, mapping_text: '{\n  "event": "{{#if body}}x"\n}' });
    expect(broken).toMatch(/Line \d+, column \d+/);
    expect(broken).toMatch(/data-goto-line="\d+"/);
    const invalid = await preview(id, { ...pasted, mapping_text: '{"event": "x", "resource": {}}' });
    expect(invalid).toContain('invalid-event');
    expect(invalid).toContain('Rendered text');
    expect(await preview(id, { ...pasted, sample: 'preset', mapping_text: TEMPLATE })).toContain('no preset sample');
    expect(await preview(id, { ...pasted, sample: 'last', mapping_text: TEMPLATE })).toContain('No request stored yet');

    const staticId = await create({ name: 'Static', source: 'kind:static' });
    const notJson = await preview(staticId, { ...pasted, mapping_text: '{\n  "event": x\n}' });
    expect(notJson).toContain('The event is not JSON');
    expect(
      await preview(staticId, { ...pasted, mapping_text: '{"event": "cron.ran", "resource": {"prefect.resource.id": "cron"}}' }),
    ).toContain('Renders 1 event');
  });

  it('previews on a pasted request that cannot be sent by naming the field, not with a 500', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template' });
    const pasted = { sample: 'pasted', mapping_text: TEMPLATE, body: '{"action": "paid", "id": 7}' };
    const connect = await preview(id, { ...pasted, method: 'CONNECT', headers: '' });
    expect(connect).toContain('The pasted request is not valid');
    expect(connect).toContain('method: must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    const euro = await preview(id, { ...pasted, method: 'POST', headers: 'X-Price: 10 \u20ac' });
    expect(euro).toContain('headers[&quot;x-price&quot;]: must hold Latin-1 characters only');
    expect(await preview(id, { ...pasted, method: '', headers: '' })).toContain('shop.order.7');
  });

  it('skips a stored request that cannot be sent again when it looks for the last one', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template' });
    const stored = await t.api('/api/events', {
      method: 'POST',
      json: [
        {
          id: crypto.randomUUID(),
          occurred: new Date().toISOString(),
          event: 'hookgate.webhook.failed',
          resource: { 'prefect.resource.id': `hookgate.webhook.${id}` },
          related: [{ 'prefect.resource.id': `hookgate.webhook.${id}`, 'prefect.resource.role': 'webhook' }],
          payload: { error: {}, request: { method: 'TRACE', headers: {}, query: {}, body: '{"id": 1}' } },
        },
      ],
    });
    expect(stored.status).toBe(204);
    const page = await ui.request(`/ui/webhooks/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('No stored request yet');
    expect(await preview(id, { sample: 'last', mapping_text: TEMPLATE })).toContain('No request stored yet');
  });

  it('previews the mapping without checking the signature, and says so; a handshake shows its answer', async () => {
    const id = await create({ name: 'Slack', source: 'preset:slack', secret: 'slack-secret-0123456789' });
    const page = await (await ui.request(`/ui/webhooks/${id}`)).text();
    expect(page).toContain('without checking its signature');
    const mapping_text = String(((await apiGet(id)).mapping as { template: string }).template);
    const unsigned = { sample: 'pasted', mapping_text, method: 'POST', headers: 'content-type: application/json' };
    const challenge = await preview(id, { ...unsigned, body: '{"type": "url_verification", "challenge": "c-123"}' });
    expect(challenge).toContain('A handshake: the webhook answers it itself (HTTP 200)');
    expect(challenge).toContain('c-123');
    // The preset's sample carries no valid signature: previews of it still show the events.
    expect(await preview(id, { ...unsigned, sample: 'preset' })).toContain('Renders 1 event');
  });

  it('previews on the last request received, kept in a failure event', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template' });
    await t.api(`/api/webhooks/${id}`, { method: 'PATCH', json: { mapping: { kind: 'template', template: '{"event": "x"}' } } });
    const { url } = await apiGet(id);
    const slug = String(url).split('/').pop();
    await t.app.request(`/hooks/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action": "paid", "id": 9}',
    });
    const html = await preview(id, { sample: 'last', mapping_text: TEMPLATE });
    expect(html).toContain('shop.order.9');
    const page = await (await ui.request(`/ui/webhooks/${id}`)).text();
    expect(page).toContain('value="last" checked=""');
    expect(page).toContain('1 failed request stored');
  });

  it('saves through the API: an unparsable template is refused and the stored one kept', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template' });
    const before = await apiGet(id);
    const refused = await ui.post(`/ui/webhooks/${id}/mapping`, {
      _csrf: csrf,
      intent: 'save',
      mapping_text: '{{#if x}}',
      sample: 'pasted',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/Not saved: mapping.template: line 1, column \d+/);
    expect((await apiGet(id)).mapping).toEqual(before.mapping);

    const previewOnly = await ui.post(`/ui/webhooks/${id}/mapping`, {
      _csrf: csrf,
      intent: 'preview',
      mapping_text: TEMPLATE,
      sample: 'pasted',
      body: '{"action": "a", "id": 1}',
    });
    expect(await previewOnly.text()).toContain('shop.order.1');
    expect((await apiGet(id)).mapping).toEqual(before.mapping);

    const saved = await ui.post(`/ui/webhooks/${id}/mapping`, {
      _csrf: csrf,
      intent: 'save',
      mapping_text: TEMPLATE,
      sample: 'pasted',
    });
    expect(saved.headers.get('location')).toBe(`/ui/webhooks/${id}?done=saved`);
    expect((await apiGet(id)).mapping).toEqual({ kind: 'template', template: TEMPLATE });
  });

  it('disables and enables, rotates and deletes (each confirmed)', async () => {
    const id = await create({ name: 'Shop', source: 'kind:cloudevents' });
    const off = await ui.post(`/ui/webhooks/${id}/enabled`, { _csrf: csrf, enabled: 'false', back: '//evil.example' });
    expect(off.headers.get('location')).toBe('/ui/webhooks?done=disabled');
    expect((await apiGet(id)).enabled).toBe(false);
    await ui.post(`/ui/webhooks/${id}/enabled`, { _csrf: csrf, enabled: 'true', back: `/ui/webhooks/${id}` });
    expect((await apiGet(id)).enabled).toBe(true);

    const { url } = await apiGet(id);
    expect(await (await ui.request(`/ui/webhooks/${id}/rotate`)).text()).toContain('Rotate URL');
    expect((await ui.post(`/ui/webhooks/${id}/rotate`, { _csrf: csrf })).headers.get('location')).toBe(
      `/ui/webhooks/${id}/rotate`,
    );
    expect((await apiGet(id)).url).toBe(url);
    await ui.post(`/ui/webhooks/${id}/rotate`, { _csrf: csrf, confirm: 'yes' });
    expect((await apiGet(id)).url).not.toBe(url);

    expect((await ui.post(`/ui/webhooks/${id}/delete`, { _csrf: csrf })).status).toBe(303);
    expect((await t.api(`/api/webhooks/${id}`)).status).toBe(200);
    const deleted = await ui.post(`/ui/webhooks/${id}/delete`, { _csrf: csrf, confirm: 'yes' });
    expect(deleted.headers.get('location')).toBe('/ui/webhooks?done=deleted');
    expect((await t.api(`/api/webhooks/${id}`)).status).toBe(404);
    expect((await ui.request(`/ui/webhooks/${id}`)).status).toBe(404);
  });

  /** The delivery log is written just after the answer: reads the list until `text` shows (bounded). */
  async function listShowing(text: string): Promise<string> {
    let list = '';
    for (let attempt = 0; attempt < 50 && !list.includes(text); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 40));
      list = await (await ui.request('/ui/webhooks')).text();
    }
    return list;
  }

  it('counts the last 24 hours\u2019 events and failures in the list by time of receipt, and shows the last attempt', async () => {
    const id = await create({ name: 'Shop', source: 'kind:template', secret: 'shop-token-0123456789' });
    // A provider's `occurred` years back (a GitHub push's commit time) still counts as received now.
    const old = TEMPLATE.replace('"event":', '"occurred": "2019-03-01T10:00:00Z", "event":');
    await t.api(`/api/webhooks/${id}`, { method: 'PATCH', json: { mapping: { kind: 'template', template: old } } });
    const slug = String((await apiGet(id)).url)
      .split('/')
      .pop();
    const send = (body: string, token = 'shop-token-0123456789') =>
      t.app.request(`/hooks/${slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    expect((await send('{"action": "a", "id": 1}')).status).toBe(204);
    expect((await send('{"action": "b", "id": 2}')).status).toBe(204);
    expect((await send('not json')).status).toBe(400);
    expect((await send('{"action": "c", "id": 3}', 'wrong-token-0123456789')).status).toBe(401);
    const list = await listShowing('rejected in 24 h');
    expect(list).toContain('aria-label="2 events of Shop in 24 hours"');
    expect(list).toContain('aria-label="1 failures of Shop in 24 hours"');
    expect(list).toContain('aria-label="Last attempt on Shop: rejected, HTTP 401"');
    expect(list).toContain('signature-mismatch');
    expect(list).toContain('1 rejected in 24 h');
    const lastEvent = /data-label="Last event">(.*?)<\/td>/.exec(list)?.[1] ?? '';
    expect(lastEvent).toMatch(/<time datetime="\d{4}/);
    expect(lastEvent).not.toContain('2019');
  });
});
