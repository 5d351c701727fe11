/**
 * The pages end to end in headless Chromium against a real gateway on a random port: sign in,
 * create a webhook, watch its event arrive live, filter, open it, break and fix the mapping,
 * replay the failure, sign out. Writes the README's screenshots to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../helpers/app';
import { providerFixture, type ServedApp, serveTestApp } from '../helpers/hooks';
import { launchChromium } from './browser';
import { createUiClient } from './ui-client';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
const STEP_TIMEOUT_MS = 60_000;

const TEMPLATE = `{
  "event": "github.{{header "x-github-event"}}",
  "resource": {
    "prefect.resource.id": "github.repository.{{body.repository.full_name}}",
    "prefect.resource.name": "{{body.repository.name}}"
  },
  "related": [
    {"prefect.resource.id": "github.user.{{body.sender.login}}", "prefect.resource.role": "sender",
     "prefect.resource.name": "{{body.sender.login}}"}
  ]
}`;
/** Cannot parse: an `#if` block that is never closed. */
const UNPARSABLE = TEMPLATE.replace('{{body.repository.name}}', '{{#if body.repository}}{{body.repository.name}}');
/** Parses, but every request fails: the path does not exist and `required` says so. */
const FAILING = TEMPLATE.replace('{{body.repository.full_name}}', '{{required body.repository.fullname}}');

describe('the pages in a browser', () => {
  let gateway: ServedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let webhook: { id: string; url: string };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    gateway = await serveTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const ui = (path: string) => `${gateway.base}${path}`;
  const shoot = (name: string) => page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, SCREENSHOTS)) });

  function sendFixture() {
    const fixture = providerFixture('github/push/default.json');
    return fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': fixture.contentType, ...fixture.headers },
      body: fixture.body,
    });
  }

  async function setTemplate(text: string) {
    await page.locator('#mapping-text').fill(text);
  }

  it(
    'signs in with the admin token, after refusing a wrong one',
    async () => {
      await page.goto(ui('/ui'));
      expect(new URL(page.url()).pathname).toBe('/ui/sign-in');
      await page.getByLabel('Admin token').fill('not-the-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('not the admin token');

      await page.getByLabel('Admin token').fill(TEST_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/ui/events');
      expect(await page.content()).not.toContain(TEST_TOKEN);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'creates a webhook and saves a template checked by the live preview',
    async () => {
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('link', { name: 'New webhook' }).click();
      await page.getByLabel('Name').fill('GitHub pushes');
      await page.getByLabel('Start from').selectOption('kind:template');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await page.getByText('Webhook created').waitFor();

      const id = new URL(page.url()).pathname.split('/').pop() ?? '';
      const url = (await page.locator('dl.facts code').first().textContent()) ?? '';
      webhook = { id, url };
      expect(url).toMatch(new RegExp(`^${gateway.base}/hooks/[A-Za-z0-9_-]{22}$`));

      await setTemplate(TEMPLATE);
      await page.getByLabel('Pasted').check();
      await page.getByLabel('Headers').fill('content-type: application/json\nx-github-event: push');
      await page.getByLabel('Body').fill(providerFixture('github/push/default.json').body);
      await page.locator('#preview pre', { hasText: '"github.repository.Codertocat/Hello-World"' }).waitFor();
      expect(await page.locator('#preview .notice').textContent()).toBe('Renders 1 event');

      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping saved.').waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows a delivered event in the live feed without a reload',
    async () => {
      await page.goto(ui('/ui/events'));
      await page.evaluate(() => {
        (window as unknown as { unreloaded: boolean }).unreloaded = true;
      });
      await page.getByLabel('Live').check();
      await page.getByText('Live: new events appear as they arrive.').waitFor();
      expect(new URL(page.url()).searchParams.get('live')).toBe('1');

      expect((await sendFixture()).status).toBe(204);
      const row = page.locator('li.event-row', { hasText: 'github.push' });
      await row.waitFor();
      expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
      expect(await row.locator('.resource-id').textContent()).toBe('github.repository.Codertocat/Hello-World');
      expect(await row.locator('time').getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \(/);
      // The push, and the audit events of the webhook's creation and its saved mapping.
      await expect.poll(() => page.locator('#total').textContent()).toBe('3 events');
      await page.getByLabel('Live').uncheck();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'filters by event prefix and by clicking a related chip, in the URL',
    async () => {
      await page.getByLabel('Event', { exact: true }).fill('nothing.like.this.');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No events match these filters').waitFor();

      await page.getByLabel('Event', { exact: true }).fill('github.');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('li.event-row', { hasText: 'github.push' }).waitFor();
      expect(new URL(page.url()).searchParams.get('event')).toBe('github.');

      await page.getByRole('link', { name: 'Filter by related sender Codertocat' }).click();
      await page.locator('li.event-row', { hasText: 'github.push' }).waitFor();
      const params = new URL(page.url()).searchParams;
      expect(params.get('related')).toBe('github.user.Codertocat');
      expect(params.get('event')).toBe('github.');
      expect(await page.locator('.chip.active').count()).toBeGreaterThan(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'opens the event: labels, related resources with roles, payload',
    async () => {
      await page.getByRole('link', { name: 'github.push' }).first().click();
      await page.getByRole('heading', { name: 'github.push', level: 1 }).waitFor();
      expect(await page.getByRole('cell', { name: 'sender' }).count()).toBe(1);
      expect(await page.locator('section', { hasText: 'Resource' }).first().textContent()).toContain('Hello-World');
      expect(await page.getByRole('button', { name: 'Copy the event id' }).count()).toBe(1);
      expect(await page.getByText('Payload (JSON)').count()).toBe(1);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows a broken template\u2019s error with its position, then stores and shows the failure',
    async () => {
      await page.goto(ui(`/ui/webhooks/${webhook.id}`));
      await setTemplate(UNPARSABLE);
      const position = page.locator('#preview .error-position');
      await position.waitFor();
      expect(await position.textContent()).toMatch(/^Line \d+, column \d+$/);
      await page.evaluate(() => document.getElementById('mapping-title')?.scrollIntoView());
      await shoot('webhook-editor');

      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText(/Not saved: .*line \d+, column \d+/).waitFor();

      await setTemplate(FAILING);
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping saved.').waitFor();
      expect((await sendFixture()).status).toBe(400);

      await page.goto(ui('/ui/events'));
      await page.getByRole('link', { name: 'hookgate.webhook.failed' }).click();
      await page.getByRole('heading', { name: 'Why it failed' }).waitFor();
      expect(await page.locator('.notice.error').textContent()).toContain('template-render-failed');
      expect(await page.locator('.side-by-side').textContent()).toContain('Codertocat');
      await shoot('event');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'replays the failure once the template is fixed, and shows the replayed event',
    async () => {
      await page.getByRole('link', { name: /Fix the webhook/ }).click();
      await setTemplate(TEMPLATE);
      await page.getByLabel('Last received').check();
      await page.locator('#preview pre', { hasText: '"github.push"' }).waitFor();
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping saved.').waitFor();

      await page.getByRole('button', { name: 'Replay failures' }).click();
      const result = page.locator('#replay-result');
      await result.waitFor();
      expect(await result.textContent()).toContain('Replayed 1 of 1 failed request: 1 event (1 new, 0 already stored)');
      await result.getByRole('link', { name: /^Event / }).click();
      await page.getByRole('heading', { name: 'github.push', level: 1 }).waitFor();

      await page.goto(ui('/ui/events'));
      await expect.poll(() => page.locator('li.event-row', { hasText: 'github.push' }).count()).toBe(2);
      await shoot('feed');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'is readable at 375 px, in the dark, and starts with a skip link',
    async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
      await phone.addCookies(await context.cookies());
      const small = await phone.newPage();
      for (const path of ['/ui/events', '/ui/webhooks', `/ui/webhooks/${webhook.id}`]) {
        await small.goto(ui(path));
        expect(await small.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      }
      const background = await small.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe('rgb(17, 21, 28)');
      await small.keyboard.press('Tab');
      expect(await small.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await phone.close();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'says why a preview was refused, and answers a page link it did not make with a page',
    async () => {
      const created = await fetch(`${gateway.base}/api/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'short-lived', mapping: { kind: 'template', template: TEMPLATE } }),
      });
      const { id } = (await created.json()) as { id: string };
      await page.goto(ui(`/ui/webhooks/${id}`));
      expect(await page.locator('#preview-hint').textContent()).toContain('without checking its signature');
      await fetch(`${gateway.base}/api/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TEST_TOKEN}` } });
      await setTemplate(`${TEMPLATE} `);
      await page.locator('#preview [role="alert"]', { hasText: 'No preview: no webhook with that id' }).waitFor();

      const response = await page.goto(ui('/ui/events?event=github.&page-token=forged'));
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: 'This page of events cannot be shown', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Show the newest events' }).click();
      await page.locator('li.event-row', { hasText: 'github.push' }).first().waitFor();
      expect(new URL(page.url()).search).toBe('?event=github.');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'signs out, and is refused afterwards',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      await page.goto(ui(`/ui/webhooks/${webhook.id}`));
      expect(new URL(page.url()).pathname).toBe('/ui/sign-in');
      expect((await context.cookies()).some((cookie) => cookie.name === 'hookgate_session')).toBe(false);
    },
    STEP_TIMEOUT_MS,
  );

  it('changes nothing for a request without the session cookie or with a wrong CSRF token', async () => {
    const exists = async () =>
      (await fetch(`${gateway.base}/api/webhooks/${webhook.id}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).status;
    const anonymous = createUiClient((request) => fetch(request), gateway.base);
    expect((await anonymous.post(`/ui/webhooks/${webhook.id}/delete`, { confirm: 'yes', _csrf: 'x' })).status).toBe(401);
    expect(await exists()).toBe(200);

    const signedIn = createUiClient((request) => fetch(request), gateway.base);
    expect((await signedIn.signIn(TEST_TOKEN)).status).toBe(303);
    expect((await signedIn.post(`/ui/webhooks/${webhook.id}/delete`, { confirm: 'yes', _csrf: 'forged' })).status).toBe(403);
    expect((await signedIn.post(`/ui/webhooks/${webhook.id}/delete`, { confirm: 'yes' })).status).toBe(403);
    expect(await exists()).toBe(200);

    const deleted = await signedIn.post(`/ui/webhooks/${webhook.id}/delete`, { confirm: 'yes', _csrf: await signedIn.csrf() });
    expect(deleted.status).toBe(303);
    expect(await exists()).toBe(404);
  });
});
