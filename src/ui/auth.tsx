/**
 * Signing in and out, and the guard in front of every other UI route: a valid session cookie, and
 * on every POST the session's CSRF token (form field `_csrf` or header `x-csrf-token`). Without a
 * session, pages redirect to the sign-in form and other requests get 401; a bad CSRF token gets 403
 * (pages or problem+json, `errors.tsx`). Bodies are read only after the size limit (`http.ts`).
 * Sessions are stateless (`session.ts`): signing out clears this browser's cookie; rotating the
 * admin token ends every session.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type Actor, ADMIN_TOKEN_ACTOR } from '../core/audit';
import { activeKey, keyActor, lookupKey } from '../core/keys';
import type { RouteDeps } from '../deps';
import { ForbiddenError, UnauthorizedError } from '../lib/errors';
import { secretEquals } from '../lib/secrets';
import type { UiContext, UiEnv } from './env';
import { fromScript } from './errors';
import { cookieOptions, pathWithQuery, safeUiPath, UI_BASE } from './http';
import { SignInPage } from './pages/sign-in';
import { SESSION_TTL_SECONDS, type Sessions } from './session';
import { validZone, ZONE_COOKIE } from './zone';

export const SESSION_COOKIE = 'hookgate_session';
/** Pre-session nonce the sign-in form's token is bound to. */
const SIGN_IN_COOKIE = 'hookgate_sign_in';
const SIGN_IN_TTL_SECONDS = 3600;
const SIGNED_OUT =
  'You are signed out. This browser no longer holds the session; to end every session at once, rotate the admin token.';

function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** `/ui/sign-in` (GET form, POST token) and `/ui/sign-out` (POST). */
export function createAuthRoutes(deps: RouteDeps, sessions: Sessions): Hono<UiEnv> {
  const app = new Hono<UiEnv>();

  const signInForm = async (c: UiContext, next: string, status: 200 | 401 | 403, error?: string) => {
    const nonce = sessions.newNonce();
    setCookie(c, SIGN_IN_COOKIE, nonce, cookieOptions(c, SIGN_IN_TTL_SECONDS));
    const notice = c.req.query('signed-out') !== undefined ? SIGNED_OUT : undefined;
    const page = <SignInPage formToken={await sessions.signInToken(nonce)} next={next} error={error} notice={notice} />;
    return c.html(page, status);
  };

  app.get('/sign-in', async (c) => {
    if (await sessions.read(getCookie(c, SESSION_COOKIE))) return c.redirect(safeUiPath(c.req.query('next')), 303);
    return signInForm(c, safeUiPath(c.req.query('next')), 200);
  });

  app.post('/sign-in', async (c) => {
    const address = deps.addressOf(c);
    deps.authFailures.check(address);
    const form = await c.req.parseBody();
    const next = safeUiPath(formText(form, 'next'));
    const nonce = getCookie(c, SIGN_IN_COOKIE);
    const formOk = nonce !== undefined && (await secretEquals(formText(form, '_form'), await sessions.signInToken(nonce)));
    if (!formOk) return signInForm(c, next, 403, 'The form expired. Enter the token again.');
    const token = formText(form, 'token').trim();
    const key = await lookupKey(token, deps);
    if (key?.actor.scope === 'emit') return signInForm(c, next, 403, 'An emit key only sends events: it cannot sign in.');
    if (!key && !(await secretEquals(token, deps.adminToken))) {
      deps.authFailures.fail(address);
      deps.log.warn('ui sign-in refused', {});
      return signInForm(c, next, 401, 'That is not the admin token, nor a live API key.');
    }
    const { value } = await sessions.issue(key?.actor.keyId ?? undefined);
    deleteCookie(c, SIGN_IN_COOKIE, { path: UI_BASE });
    setCookie(c, SESSION_COOKIE, value, cookieOptions(c, SESSION_TTL_SECONDS));
    return c.redirect(next, 303);
  });

  return app;
}

/**
 * The session for everything after it: puts the session, its CSRF token and the zone on the
 * context. Reads no body, so a request without a session is refused before any body is read.
 */
export function requireSession(sessions: Sessions, deps: RouteDeps): MiddlewareHandler<UiEnv> {
  // A session made with an API key lasts only as long as the key: its row is read on every request.
  const actorOf = async (key: string | undefined): Promise<Actor | undefined> => {
    if (key === undefined) return ADMIN_TOKEN_ACTOR;
    const record = activeKey(await deps.store.getApiKey(key), deps.now());
    return record && keyActor(record);
  };
  return async (c, next) => {
    const session = await sessions.read(getCookie(c, SESSION_COOKIE));
    const actor = session && (await actorOf(session.key));
    if (!session || !actor) {
      // A page (a link, a bookmark, a typed URL) leads to the sign-in form and back.
      if (c.req.method === 'GET' && !fromScript(c)) {
        return c.redirect(`${UI_BASE}/sign-in?next=${encodeURIComponent(pathWithQuery(c))}`, 303);
      }
      throw new UnauthorizedError('sign in first: there is no session, or it has ended');
    }
    c.set('session', session);
    c.set('actor', actor);
    c.set('csrf', await sessions.csrfToken(session));
    c.set('zone', validZone(getCookie(c, ZONE_COOKIE)));
    await next();
  };
}

/** The session's CSRF token on every change (after the body limit: a form's token is in its body). */
export function requireCsrf(sessions: Sessions): MiddlewareHandler<UiEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let given = c.req.header('x-csrf-token');
      if (given === undefined && (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
        given = formText(await c.req.parseBody(), '_csrf');
      }
      if (!(await sessions.checkCsrf(c.get('session'), given))) {
        throw new ForbiddenError(
          'invalid-csrf-token',
          'the form is out of date or did not come from this site; reload the page and try again',
        );
      }
    }
    await next();
  };
}

/** `/ui/sign-out`: behind the guard, so it needs the CSRF token too. */
export function createSignOutRoute(): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  app.post('/sign-out', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: UI_BASE });
    return c.redirect(`${UI_BASE}/sign-in?signed-out`, 303);
  });
  return app;
}
