/**
 * The new-webhook page's preset picker in headless Chromium: every preset listed with its setup
 * hint, the filter box narrowing the list and the "Start from" choices, a title choosing a preset,
 * and the webhook created from it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetCatalog } from '../../src/core/presets/catalog';
import { TEST_TOKEN } from '../helpers/app';
import { type ServedApp, serveTestApp } from '../helpers/hooks';
import { launchChromium } from './browser';

const STEP_TIMEOUT_MS = 60_000;

describe('the preset picker in a browser', () => {
  let gateway: ServedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    gateway = await serveTestApp();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${gateway.base}/ui`);
    await page.getByLabel('Admin token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const visibleNames = () =>
    page.locator('#preset-list li:not([hidden]) code').evaluateAll((nodes) => nodes.map((node) => node.textContent));
  const enabledOptions = () =>
    page
      .locator('#source option[value^="preset:"]:not([disabled])')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));

  it(
    'lists every preset with its setup hint, and the filter narrows the list and the choices',
    async () => {
      await page.goto(`${gateway.base}/ui/webhooks/new`);
      expect(await visibleNames()).toHaveLength(presetCatalog().length);
      const stripe = presetCatalog().find((preset) => preset.name === 'stripe');
      expect(await page.locator('#preset-list li[data-preset="preset:stripe"] .setup').textContent()).toBe(stripe?.setup);

      await page.getByLabel('Find a provider').fill('ecdsa');
      await expect.poll(visibleNames).toEqual(['sendgrid']);
      expect(await enabledOptions()).toEqual(['preset:sendgrid']);
      expect(await page.locator('#source').inputValue()).toBe('kind:template');
      expect(await page.locator('#preset-count').textContent()).toBe(`1 of ${presetCatalog().length} presets`);

      await page.getByLabel('Find a provider').fill('git');
      await expect.poll(visibleNames).toEqual(expect.arrayContaining(['github', 'gitlab']));
      await page.getByLabel('Find a provider').fill('');
      await expect.poll(visibleNames).toHaveLength(presetCatalog().length);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'chooses a preset by its title and creates the webhook from it',
    async () => {
      await page.goto(`${gateway.base}/ui/webhooks/new`);
      await page.getByLabel('Name').fill('Telegram bot');
      await page.getByLabel('Find a provider').fill('telegram');
      await page.locator('#preset-list').getByRole('button', { name: 'Telegram Bot API' }).click();
      expect(await page.locator('#source').inputValue()).toBe('preset:telegram');
      await page.getByLabel('Secret').fill('telegram-secret-token-0001');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      await page.getByText('Webhook created').waitFor();
      expect(await page.content()).toContain('telegram');
    },
    STEP_TIMEOUT_MS,
  );
});
