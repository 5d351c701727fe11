/**
 * createApp(deps): the one place routes and error handling meet. Runtime-free: the Node and
 * Workers entries build the deps and serve `app.fetch`.
 */
import { Hono } from 'hono';
import { unreadableBody } from './core/receive';
import { type AppDeps, createRouteDeps } from './deps';
import { requireApiScope } from './http/api-auth';
import { limitBody, MAX_API_BODY_BYTES } from './http/body';
import { logHookRequests } from './http/hook-log';
import { INTERNAL_ERROR, isBodyReadFailure, problemResponse } from './http/problem';
import { HookgateError, NotFoundError } from './lib/errors';
import { createDeliveryRoutes } from './routes/deliveries';
import { createEventsRoutes, MAX_EVENT_BATCH_BYTES } from './routes/events';
import { createHealthRoutes } from './routes/health';
import { createHookRoutes } from './routes/hooks';
import { createKeyRoutes } from './routes/keys';
import { createMetricsRoutes } from './routes/metrics';
import { createOpenApiRoutes } from './routes/openapi';
import { createPresetRoutes } from './routes/presets';
import { createSinkRoutes } from './routes/sinks';
import { createWebhookRoutes } from './routes/webhooks';
import { createUiRoutes } from './ui/routes';

export type { AppDeps } from './deps';

export function createApp(appDeps: AppDeps): Hono {
  const deps = createRouteDeps(appDeps);
  const app = new Hono();

  // The admin token or an API key with the route's scope (http/api-auth.ts).
  app.use('/api/*', requireApiScope(deps));
  // After the token check, so an unauthenticated body is never read; `/hooks` limits its own, `/ui` its own.
  const limitApi = limitBody(MAX_API_BODY_BYTES);
  const limitBatch = limitBody(MAX_EVENT_BATCH_BYTES);
  app.use('/api/*', (c, next) => (c.req.path === '/api/events' ? limitBatch(c, next) : limitApi(c, next)));

  app.route('/', createHealthRoutes(deps));
  app.use('/hooks/*', logHookRequests(deps));
  app.route('/hooks', createHookRoutes(deps));
  app.route('/api/webhooks', createWebhookRoutes(deps));
  app.route('/api/webhooks', createDeliveryRoutes(deps));
  app.route('/api/events', createEventsRoutes(deps));
  app.route('/api/keys', createKeyRoutes(deps));
  app.route('/api/presets', createPresetRoutes(deps));
  app.route('/api/sinks', createSinkRoutes(deps));
  app.route('/api/openapi.json', createOpenApiRoutes());
  app.route('/', createMetricsRoutes(deps));
  app.route('/ui', createUiRoutes(deps));
  app.get('/', (c) => c.redirect('/ui', 302));

  app.notFound(() => problemResponse(new NotFoundError('not-found', 'no such route')));
  app.onError((error, c) => {
    if (error instanceof HookgateError) return problemResponse(error);
    // A body read elsewhere (a form, a middleware) that failed because the client went away or sent
    // a malformed body: the client's failure, logged at info, never counted as ours.
    if (isBodyReadFailure(error)) {
      const refused = unreadableBody(c.req.raw, error);
      deps.log.info('request body could not be read', { path: c.req.path, code: refused.code });
      return problemResponse(refused);
    }
    deps.log.error('unhandled error', { error: (error as Error).stack ?? String(error) });
    return problemResponse(INTERNAL_ERROR);
  });
  return app;
}
