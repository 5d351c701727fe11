/**
 * The UI's assets, shipped inside the package as text (no CDN, no fonts, no front-end build):
 * served at content-hashed URLs with a year of caching, so a new version is a new URL.
 */
import { APP_CSS } from './app-css';
import { CLIENT_COMMON } from './client-common';
import { CLIENT_EDITOR } from './client-editor';
import { CLIENT_FEED } from './client-feed';
import { CLIENT_PRESETS } from './client-presets';

/** FNV-1a, 32 bits: enough to tell versions of an asset apart (not a security hash). */
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface Asset {
  body: string;
  contentType: string;
}

const APP_JS = [CLIENT_COMMON, CLIENT_FEED, CLIENT_EDITOR, CLIENT_PRESETS].join('\n');

export const ASSET_URLS = {
  css: `/ui/assets/app.${contentHash(APP_CSS)}.css`,
  js: `/ui/assets/app.${contentHash(APP_JS)}.js`,
};

/** Asset file name (as in ASSET_URLS, after /ui/assets/) → content. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  [ASSET_URLS.css.slice('/ui/assets/'.length), { body: APP_CSS, contentType: 'text/css; charset=utf-8' }],
  [ASSET_URLS.js.slice('/ui/assets/'.length), { body: APP_JS, contentType: 'text/javascript; charset=utf-8' }],
]);

export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
