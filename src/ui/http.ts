/**
 * What every UI request and response shares: body limits, security headers (a strict CSP: scripts
 * and styles only from /ui/assets, no inline code), no caching of pages, cookie settings, safe redirects.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import { limitBody } from '../http/body';

export const UI_BASE = '/ui';

/** Sign-in and sign-out forms hold a token or two: anything larger is not from our form. */
export const MAX_SIGN_IN_BODY_BYTES = 64 * 1024;
/** Other posts: the editor's template (≤ 30,000 characters) and a pasted sample request, URL-encoded. */
export const MAX_UI_BODY_BYTES = 4 * 1024 * 1024;

const SIGN_IN_PATHS: ReadonlySet<string> = new Set([`${UI_BASE}/sign-in`, `${UI_BASE}/sign-out`]);
const limitSignIn = limitBody(MAX_SIGN_IN_BODY_BYTES);
const limitOther = limitBody(MAX_UI_BODY_BYTES);

/** Refuses a larger body (413 `payload-too-large`) before sign-in, the CSRF check or a handler reads it. */
export const limitUiBody: MiddlewareHandler = (c, next) =>
  SIGN_IN_PATHS.has(c.req.path) ? limitSignIn(c, next) : limitOther(c, next);

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Security headers on every UI response; pages and data are never cached (assets set their own). */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('x-frame-options', 'DENY');
  headers.set('referrer-policy', 'same-origin');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
};

/** True when the browser reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** HttpOnly, SameSite=Strict, limited to /ui, `Secure` over HTTPS. */
export function cookieOptions(c: Context, maxAgeSeconds: number): CookieOptions {
  return { path: UI_BASE, httpOnly: true, sameSite: 'Strict', secure: isHttps(c), maxAge: maxAgeSeconds };
}

/** A path inside the UI to return to, or the feed: never another origin (`//host`, `/\host`) or page. */
export function safeUiPath(path: string | undefined, fallback = `${UI_BASE}/events`): string {
  if (!path || !/^\/ui(?:[/?#]|$)/.test(path) || /[\\\s]/.test(path) || path.startsWith('//')) return fallback;
  return path;
}

/** The request's path and query, to come back to after signing in. */
export function pathWithQuery(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}
