/**
 * The committed UI bundle is what `npm run build:ui` makes from src/ui/browser/ (a stale bundle
 * fails: run it), and it is what the server serves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, bundleModule, bundleUi } from '../../scripts/build-ui-assets';
import { ASSET_URLS, ASSETS } from '../../src/ui/assets';
import { APP_CSS, APP_JS } from '../../src/ui/assets/bundle.generated';

describe('the UI bundle', () => {
  it('is what `npm run build:ui` makes from src/ui/browser/ (not stale)', async () => {
    const built = await bundleUi();
    expect(APP_JS).toBe(built.js);
    expect(APP_CSS).toBe(built.css);
    expect(readFileSync(BUNDLE_FILE, 'utf8')).toBe(bundleModule(built));
  });

  it('is one strict function expression, so the page gets no globals', () => {
    expect(APP_JS).toMatch(/^\/\*[^\n]*\*\/\n"use strict";\n\(\(\) => \{\n/);
    expect(APP_JS.endsWith('\n})();\n')).toBe(true);
  });

  it('is served at its content-hashed URLs', () => {
    const served = (url: string) => ASSETS.get(url.slice('/ui/assets/'.length))?.body;
    expect(served(ASSET_URLS.js)).toBe(APP_JS);
    expect(served(ASSET_URLS.css)).toBe(APP_CSS);
  });
});
