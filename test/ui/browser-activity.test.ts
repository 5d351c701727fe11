/**
 * A webhook's activity and the polish of issue 18 in headless Chromium at 1280 px: a refused request
 * in the delivery log within a second (and live, without a reload) with its hint, the list's last
 * attempt, words kept whole in tables, disabled buttons that look disabled, the preview beside a
 * pasted sample, replayed failures counted as done, whole filter placeholders, the axis' year, the
 * favicon. Writes docs/screenshots/webhooks.png and webhook-activity.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGithub } from '../../src/cli/signers';
import { TEST_TOKEN } from '../helpers/app';
import { type CreatedWebhook, createWebhook, providerFixture, type ServedApp, serveTestApp } from '../helpers/hooks';
import { launchChromium } from './browser';
import { brokenWords, placeholderFits } from './layout-checks';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
const STEP_TIMEOUT_MS = 60_000;
const SECRET = 'github-secret-for-the-browser';
const CRON_TEMPLATE = '{"event": "cron.{{body.job}}", "resource": {"prefect.resource.id": "cron.{{required body.host}}"}}';

describe('a webhook\u2019s activity and the polish, in a browser', () => {
  let gateway: ServedApp;
  let browser: Browser;
  let page: Page;
  let github: CreatedWebhook;
  let cron: CreatedWebhook;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    gateway = await serveTestApp();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    github = await createWebhook(gateway.base, { name: 'GitHub', preset: 'github', verify: { secrets: [SECRET] } });
    cron = await createWebhook(gateway.base, { name: 'Nightly cron', mapping: { kind: 'template', template: CRON_TEMPLATE } });
    await page.goto(`${gateway.base}/ui/sign-in`);
    await page.getByLabel('Admin token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const ui = (path: string) => `${gateway.base}${path}`;
  const shoot = (name: string) => page.screenshot({ path: fileURLToPath(new URL(`${name}.png`, SCREENSHOTS)) });

  function push(secret: string) {
    const fixture = providerFixture('github/push/default.json');
    return fetch(github.url, {
      method: 'POST',
      headers: {
        ...fixture.headers,
        'content-type': fixture.contentType,
        'x-github-delivery': crypto.randomUUID(),
        ...signGithub(secret, fixture.body),
      },
      body: fixture.body,
    });
  }

  const sendCron = (body: string) => fetch(cron.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it(
    'shows a bad-signature request in the delivery log within a second, with its hint',
    async () => {
      expect((await push(SECRET)).status).toBe(204);
      expect((await push('not-the-secret')).status).toBe(401);
      const rejected = page.locator('tr.delivery.outcome-rejected');
      // A reload a tenth of a second apart, for one second: the record is there by then.
      for (let attempt = 0; attempt < 10 && (await rejected.count()) === 0; attempt++) {
        await page.goto(ui(`/ui/webhooks/${github.id}`));
        if ((await rejected.count()) === 0) await page.waitForTimeout(100);
      }
      expect(await rejected.count()).toBe(1);
      const hint = (await rejected.locator('.delivery-hint').textContent()) ?? '';
      expect(hint).toContain('The signature did not match: check that the secret in GitHub equals the one saved here');
      expect(hint).toContain('x-hub-signature-256');
      expect(await rejected.textContent()).not.toContain('sha256=');
      const stored = page.locator('tr.delivery.outcome-stored');
      await stored.getByRole('link', { name: /^Event / }).click();
      await page.getByRole('heading', { name: /github\.push/, level: 1 }).waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'adds new requests live, without a reload, and charts them by outcome',
    async () => {
      await page.goto(ui(`/ui/webhooks/${github.id}`));
      await page.evaluate(() => {
        (window as unknown as { unreloaded: boolean }).unreloaded = true;
      });
      await page.getByLabel('Live').check();
      expect((await push('still-not-the-secret')).status).toBe(401);
      await expect.poll(() => page.locator('tr.delivery.outcome-rejected').count(), { timeout: 10_000 }).toBe(2);
      expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
      expect(await page.locator('#activity-chart svg').getAttribute('aria-label')).toMatch(/^3 requests from /);
      expect(await page.locator('#activity .legend').textContent()).toContain('2 rejected');
      await page.getByLabel('Live').uncheck();
      await page.evaluate(() => window.scrollTo(0, (document.getElementById('activity')?.offsetTop ?? 0) - 16));
      await shoot('webhook-activity');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'lists the last attempt beside the last event, with no word broken in the table',
    async () => {
      expect((await sendCron('{"job": "backup", "host": "db1"}')).status).toBe(204);
      await page.goto(ui('/ui/webhooks'));
      const row = page.locator('tr', { hasText: 'GitHub' });
      const cronAttempt = page.locator('tr', { hasText: 'Nightly cron' }).locator('[data-label="Last attempt"]');
      // The log is written just after the answer: reload until the cron's request is in it (bounded).
      for (let attempt = 0; attempt < 20 && !((await cronAttempt.textContent()) ?? '').includes('stored'); attempt++) {
        await page.waitForTimeout(50);
        await page.reload();
      }
      expect(await cronAttempt.textContent()).toContain('stored 204');
      expect(await row.locator('[data-label="Last attempt"]').textContent()).toContain('rejected 401');
      expect(await row.locator('[data-label="Last attempt"]').textContent()).toContain('signature-mismatch');
      expect(await row.locator('[data-label="Last event"] time').count()).toBe(1);
      expect(await brokenWords(page, 'table.webhooks')).toEqual([]);
      await shoot('webhooks');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'keeps the preview beside a pasted sample and in view while typing',
    async () => {
      await page.goto(ui(`/ui/webhooks/${cron.id}`));
      await page.getByLabel('Pasted').check();
      await page.getByLabel('Headers').fill('content-type: application/json');
      await page.getByLabel('Body').fill(JSON.stringify({ job: 'backup', host: 'db1', notes: 'x'.repeat(40) }, null, 2));
      await page.locator('#preview pre', { hasText: '"cron.db1"' }).waitFor();
      await page.getByLabel('Body').click();
      const box = async (selector: string) => (await page.locator(selector).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      const [template, preview, body] = [await box('#mapping-text'), await box('#preview'), await box('#sample-body')];
      expect(preview.x).toBeGreaterThanOrEqual(template.x + template.width);
      // Sticky: while the body box is in view, so is the preview.
      expect(body.y + body.height).toBeLessThanOrEqual(860);
      expect(preview.y).toBeGreaterThanOrEqual(0);
      expect(preview.y).toBeLessThan(860);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'counts a replayed failure as done, names its event, and shows the disabled button as disabled',
    async () => {
      expect((await sendCron('{"job": "backup"}')).status).toBe(400);
      await page.goto(ui(`/ui/webhooks/${cron.id}`));
      expect(await page.locator('#failure-count').textContent()).toContain('1 failed request stored, 1 to replay.');
      const replay = page.getByRole('button', { name: 'Replay failures' });
      const look = () =>
        replay.evaluate((button) => {
          const style = getComputedStyle(button);
          return { background: style.backgroundColor, border: style.borderStyle, cursor: style.cursor };
        });
      const enabled = await look();
      expect(enabled.cursor).toBe('pointer');

      const fixed = CRON_TEMPLATE.replace('{{required body.host}}', '{{default body.host "unknown"}}');
      await page.locator('#mapping-text').fill(fixed);
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping saved.').waitFor();
      await replay.click();
      await page.locator('#replay-result').waitFor();
      expect(await page.locator('#failure-count').textContent()).toContain('1 failed request stored, 1 replayed, 0 to replay.');
      expect(await replay.isDisabled()).toBe(true);
      const disabled = await look();
      expect(disabled.background).not.toBe(enabled.background);
      expect(disabled).toMatchObject({ border: 'dashed', cursor: 'not-allowed' });
      await page
        .locator('.replayed')
        .getByRole('link', { name: /^event / })
        .click();
      await page.getByRole('heading', { name: 'cron.backup', level: 1 }).waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows the filters\u2019 placeholders whole, the year on an axis outside this year, and a favicon',
    async () => {
      await page.goto(ui('/ui/events'));
      expect(await placeholderFits(page, '#filter-event')).toBe(true);
      expect(await placeholderFits(page, '#filter-resource')).toBe(true);
      expect(await placeholderFits(page, '#filter-q')).toBe(true);

      const lastYear = new Date().getUTCFullYear() - 1;
      await page.goto(ui(`/ui/events?range=custom&since=${lastYear}-12-30T00:00&until=${lastYear + 1}-01-02T00:00`));
      const axis = (await page.locator('.histogram-axis span').allTextContents()) ?? [];
      expect(axis[0]).toMatch(new RegExp(`^${lastYear}-12-30 \\d{2}:\\d{2}$`));
      expect(axis[2]).toMatch(new RegExp(`^${lastYear + 1}-01-0[12] \\d{2}:\\d{2}$`));

      const icon = (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '';
      expect(icon).toMatch(/^\/ui\/assets\/favicon\.[0-9a-f]{8}\.svg$/);
      const served = await page.request.get(ui(icon));
      expect(served.status()).toBe(200);
      expect(served.headers()['content-type']).toBe('image/svg+xml');
      expect(await served.text()).toContain('<svg');
    },
    STEP_TIMEOUT_MS,
  );
});
