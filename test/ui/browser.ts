/**
 * Headless Chromium for the browser suite: Debian's `chromium` (installed by scripts/test.sh) driven
 * by playwright-core, started with flags that keep it off the network. Playwright gives each
 * launch a fresh user-data directory of its own.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}
