/**
 * The pages at `/ui` (issue 8): the event feed, one event, webhooks and their mapping editor.
 * Server-rendered with hono/jsx plus one small script, on Node and Workers alike. Order: security
 * headers, assets and sign-in (open), then the session guard (cookie + CSRF) before everything else.
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../routes/deps';
import { ASSET_CACHE_CONTROL, ASSETS } from './assets';
import { createAuthRoutes, createSignOutRoute, requireSession } from './auth';
import type { UiEnv } from './env';
import { createFeedRoutes } from './feed-routes';
import { securityHeaders } from './http';
import { createSessions } from './session';
import { createWebhookEditRoutes } from './webhook-edit-routes';
import { createWebhookListRoutes } from './webhook-routes';

export function createUiRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const sessions = createSessions(deps.adminToken, deps.now);

  app.use('*', securityHeaders);

  app.get('/assets/:file', (c) => {
    const asset = ASSETS.get(c.req.param('file'));
    if (!asset) return c.text('Not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': ASSET_CACHE_CONTROL });
  });

  app.route('/', createAuthRoutes(deps, sessions));
  app.use('*', requireSession(sessions));
  app.get('/', (c) => c.redirect('/ui/events', 303));
  app.route('/', createSignOutRoute());
  app.route('/', createFeedRoutes(deps));
  app.route('/', createWebhookListRoutes(deps));
  app.route('/', createWebhookEditRoutes(deps));
  return app;
}
