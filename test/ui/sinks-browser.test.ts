/**
 * The Sinks page in headless Chromium against a served gateway with forwarding on: a sink's
 * dead letter is shown with the receiver's answer, Retry sends it again, Replay queues old
 * events, and the webhooks page says where events go.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeForwarding, startForwarding, wakingStore } from '../../src/adapter/node/forwarding';
import { silentLogger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { recentEvents } from '../forward/harness';
import { type Receiver, startReceiver } from '../forward/receiver';
import { TEST_TOKEN } from '../helpers/app';
import { type ServedApp, serveTestApp } from '../helpers/hooks';
import { launchChromium } from './browser';

const STEP_TIMEOUT_MS = 60_000;

describe('the Sinks page in a browser', () => {
  let gateway: ServedApp;
  let forwarding: NodeForwarding;
  let receiver: Receiver;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const store = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
    forwarding = startForwarding(store, { allowPrivate: true, timeoutMs: 2000, leaseMs: 60_000, log: silentLogger });
    gateway = await serveTestApp({ store: wakingStore(store, forwarding.wake), forwarding });
    receiver = await startReceiver();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await forwarding?.stop();
    await gateway?.stop();
    await receiver?.close();
  });

  const api = (path: string, body: unknown) =>
    fetch(`${gateway.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it(
    'shows a dead letter with the answer, retries it, and replays',
    async () => {
      receiver.answer = () => 422;
      expect((await api('/api/sinks', { name: 'audit', target: { kind: 'http', url: receiver.url } })).status).toBe(201);
      const [event] = recentEvents(1);
      await api('/api/events', [event]);
      await expect.poll(() => receiver.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);

      await page.goto(`${gateway.base}/ui`);
      await page.getByLabel('Admin token').fill(TEST_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();

      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByText('Events are forwarded to audit.').waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sinks' }).click();
      await page.getByRole('heading', { name: 'Sinks', level: 1 }).waitFor();
      const row = page.locator('table.sinks tbody tr', { hasText: 'audit' });
      expect(await row.locator('td[data-label="Dead letters"]').textContent()).toBe('1');

      await row.getByRole('link', { name: 'audit' }).click();
      await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
      expect(await page.locator('table.dead-letters').textContent()).toContain(event?.id);
      expect(await page.locator('table.dead-letters').textContent()).toContain('422');

      receiver.answer = () => 204;
      await page.getByRole('link', { name: 'All sinks' }).click();
      await page.getByRole('button', { name: 'Retry the dead letters of audit' }).click();
      await page.getByText('Dead letters queued again.').waitFor();
      await expect
        .poll(() => receiver.requests.filter((r) => r.body.includes(event?.id ?? '-')).length, { timeout: 10_000 })
        .toBe(2);

      await page.getByLabel('Replay audit since (UTC)').fill('2000-01-01T00:00');
      await page.getByRole('button', { name: 'Replay' }).click();
      await page.getByText('Events queued again').waitFor();
      await expect
        .poll(() => receiver.requests.filter((r) => r.body.includes(event?.id ?? '-')).length, { timeout: 10_000 })
        .toBe(3);
    },
    STEP_TIMEOUT_MS,
  );
});
