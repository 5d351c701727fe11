/**
 * Sign-in, sessions and CSRF at the HTTP level: what is refused, which cookie is set, and that no
 * page holds the admin token or a webhook secret.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_TTL_SECONDS } from '../../src/ui/session';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app';
import { createUiClient, type UiClient } from './ui-client';

/** What a browser sends when it opens a page or submits a form. */
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('UI sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let ui: UiClient;
  beforeEach(() => {
    t = createTestApp();
    ui = createUiClient((request) => t.app.fetch(request));
  });
  afterEach(() => t.close());

  it('sends pages to the sign-in form (remembering where to) and refuses data requests with 401', async () => {
    const page = await ui.request('/ui/events?event=github.');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/ui/sign-in?next=%2Fui%2Fevents%3Fevent%3Dgithub.');
    const data = await ui.request('/ui/events/live', { headers: { accept: 'application/json' } });
    expect(data.status).toBe(401);
    expect(data.headers.get('content-type')).toBe('application/problem+json');
    expect(await data.json()).toMatchObject({ status: 401, code: 'unauthorized', detail: expect.stringContaining('sign in') });
    const post = await ui.request('/ui/webhooks', { method: 'POST' });
    expect(post.status).toBe(401);
    expect(post.headers.get('content-type')).toBe('application/problem+json');
    expect(post.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await t.app.request('/')).headers.get('location')).toBe('/ui');
  });

  it('serves the assets without a session, cached, with a strict CSP on every page', async () => {
    const html = await (await ui.request('/ui/sign-in')).text();
    const assets = [/href="(\/ui\/assets\/[^"]+\.css)"/, /src="(\/ui\/assets\/[^"]+\.js)"/].map((re) => re.exec(html)?.[1] ?? '');
    expect(assets).toHaveLength(2);
    for (const path of assets) {
      const asset = await ui.request(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    }
    const page = await ui.request('/ui/sign-in');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await ui.request('/ui/assets/app.00000000.js')).status).toBe(404);
  });

  it('refuses a wrong token (401) and a form it did not issue (403), without a session', async () => {
    const wrong = await ui.signIn('not-the-admin-token');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That is not the admin token, nor a live API key.');
    expect(ui.cookies.has('hookgate_session')).toBe(false);

    const forged = await ui.post('/ui/sign-in', { _form: 'forged', token: TEST_TOKEN, next: '/ui/events' });
    expect(forged.status).toBe(403);
    expect(ui.cookies.has('hookgate_session')).toBe(false);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie for /ui, Secure over HTTPS', async () => {
    const response = await ui.signIn(TEST_TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ui/events');
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('hookgate_session=')) ?? '';
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).toContain('Path=/ui');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(TEST_TOKEN);
    expect((await ui.request('/ui/events')).status).toBe(200);

    const proxied = createUiClient((request) => {
      request.headers.set('x-forwarded-proto', 'https');
      return t.app.fetch(request);
    });
    const secure = await proxied.signIn(TEST_TOKEN);
    expect(secure.headers.getSetCookie().find((header) => header.startsWith('hookgate_session='))).toContain('Secure');
  });

  it('returns only to UI paths after signing in', async () => {
    for (const next of ['//evil.example/ui', 'https://evil.example/ui', '/ui\\@evil.example', '/api/webhooks']) {
      const fresh = createUiClient((request) => t.app.fetch(request));
      const form = await (await fresh.request('/ui/sign-in')).text();
      const token = /name="_form" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const response = await fresh.post('/ui/sign-in', { _form: token, token: TEST_TOKEN, next });
      expect(response.headers.get('location'), next).toBe('/ui/events');
    }
  });

  it('changes nothing for a POST without the CSRF token, and signs out only with it', async () => {
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'guarded', mapping: { kind: 'cloudevents' } },
    });
    const { id } = (await created.json()) as { id: string };
    await ui.signIn(TEST_TOKEN);
    const refused = await ui.post(`/ui/webhooks/${id}/enabled`, { enabled: 'false', _csrf: 'wrong' });
    expect(refused.status).toBe(403);
    const viaHeader = await ui.request(`/ui/webhooks/${id}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(viaHeader.status).toBe(403);
    expect(await (await t.api(`/api/webhooks/${id}`)).json()).toMatchObject({ enabled: true });

    expect((await ui.post('/ui/sign-out', {})).status).toBe(403);
    const out = await ui.post('/ui/sign-out', { _csrf: await ui.csrf() });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/ui/sign-in?signed-out');
    expect(ui.cookies.has('hookgate_session')).toBe(false);
    expect((await ui.request('/ui/events')).status).toBe(303);
  });

  it('never puts the admin token or a webhook secret into a page', async () => {
    const secret = 'bearer-secret-never-shown-0123';
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'secretive', mapping: { kind: 'cloudevents' }, verify: { scheme: 'bearer', secrets: [secret] } },
    });
    const { id } = (await created.json()) as { id: string };
    await ui.signIn(TEST_TOKEN);
    for (const path of ['/ui/events', '/ui/webhooks', `/ui/webhooks/${id}`, `/ui/webhooks/${id}/rotate`, '/ui/webhooks/new']) {
      const html = await (await ui.request(path)).text();
      expect(html, path).not.toContain(secret);
      expect(html, path).not.toContain(TEST_TOKEN);
    }
  });
  it('answers a browser with pages and the script with problem+json, whatever refused the request', async () => {
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'pages', mapping: { kind: 'template', template: '{"event": "x"}' } },
    });
    const { id } = (await created.json()) as { id: string };

    const signedOut = await ui.post(`/ui/webhooks/${id}/enabled`, { enabled: 'false' }, { headers: BROWSER });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await signedOut.text()).toContain('href="/ui/sign-in"');

    await ui.signIn(TEST_TOKEN);
    const forged = await ui.post(`/ui/webhooks/${id}/enabled`, { enabled: 'false', _csrf: 'forged' }, { headers: BROWSER });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await forged.text()).toContain('The form is out of date');

    const scripted = await ui.request(`/ui/webhooks/${id}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' },
      body: '{}',
    });
    expect(scripted.status).toBe(403);
    expect(scripted.headers.get('content-type')).toBe('application/problem+json');
    expect(await scripted.json()).toMatchObject({ code: 'invalid-csrf-token' });

    const unknown = await ui.request('/ui/no-such-page', { headers: BROWSER });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    const gone = await ui.request(`/ui/webhooks/00000000-0000-4000-8000-000000000000/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await ui.csrf() },
      body: '{}',
    });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'webhook-not-found' });
  });

  it('ends a session 8 hours after sign-in; sign-out clears this browser\u2019s cookie, a copy lasts until then', async () => {
    let now = Date.UTC(2026, 2, 1, 9);
    const clocked = createTestApp({ now: () => now });
    try {
      const browser = createUiClient((request) => clocked.app.fetch(request));
      await browser.signIn(TEST_TOKEN);
      const copy = `hookgate_session=${browser.cookies.get('hookgate_session')}`;
      const out = await browser.post('/ui/sign-out', { _csrf: await browser.csrf() });
      expect(await (await browser.request(out.headers.get('location') ?? '')).text()).toContain('rotate the admin token');
      expect(browser.cookies.has('hookgate_session')).toBe(false);
      expect((await browser.request('/ui/events')).status).toBe(303);

      // Stateless sessions (see README): the copied cookie works until it expires, not a second longer.
      const withCopy = () => clocked.app.request('/ui/events', { headers: { cookie: copy } });
      now += (SESSION_TTL_SECONDS - 1) * 1000;
      expect((await withCopy()).status).toBe(200);
      now = Date.UTC(2026, 2, 1, 17);
      const expired = await withCopy();
      expect(expired.status).toBe(303);
      expect(expired.headers.get('location')).toMatch(/^\/ui\/sign-in/);
    } finally {
      await clocked.close();
    }
  });
});
