/**
 * The pages at `/ui` (issue 8): the event feed, one event, webhooks and their mapping editor.
 * Server-rendered with hono/jsx plus one small script, on Node and Workers alike. Order: security
 * headers, assets and sign-in (open), then the session guard (cookie, body limit, CSRF) before
 * everything else. Errors answer as pages, or as problem+json to the script (`errors.tsx`).
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';
import { NotFoundError } from '../lib/errors';
import { ASSET_CACHE_CONTROL, ASSETS } from './assets';
import { createAuthRoutes, createSignOutRoute, requireCsrf, requireSession } from './auth';
import type { UiEnv } from './env';
import { uiErrorHandler } from './errors';
import { createFeedRoutes } from './feed-routes';
import { limitUiBody, securityHeaders } from './http';
import { createKeyPages } from './key-routes';
import { requireUiScope } from './scope';
import { createSessions } from './session';
import { createSinkUiRoutes } from './sink-routes';
import { createWebhookEditRoutes } from './webhook-edit-routes';
import { createWebhookListRoutes } from './webhook-routes';

export function createUiRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const sessions = createSessions(deps.adminToken, deps.now);

  app.use('*', securityHeaders);

  app.get('/assets/:file', (c) => {
    const asset = ASSETS.get(c.req.param('file'));
    if (!asset) throw new NotFoundError('not-found', 'no such asset');
    return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': ASSET_CACHE_CONTROL });
  });

  // Every body is limited before it is read: sign-in's (no session yet) here, the others once the
  // session is known, so a request without one is refused unread.
  app.use('/sign-in', limitUiBody);
  app.route('/', createAuthRoutes(deps, sessions));
  app.use('*', requireSession(sessions, deps));
  app.use('*', limitUiBody);
  app.use('*', requireCsrf(sessions));
  app.use('*', requireUiScope);
  app.get('/', (c) => c.redirect('/ui/events', 303));
  app.route('/', createSignOutRoute());
  app.route('/', createFeedRoutes(deps));
  app.route('/', createWebhookListRoutes(deps));
  app.route('/', createWebhookEditRoutes(deps));
  app.route('/', createKeyPages(deps));
  app.route('/', createSinkUiRoutes(deps));
  app.all('*', () => {
    throw new NotFoundError('not-found', 'there is no such page');
  });
  app.onError(uiErrorHandler(deps.log));
  return app;
}
