/**
 * createApp(deps): the one place routes and error handling meet. Runtime-free: the Node and
 * Workers entries build the deps and serve `app.fetch`.
 */
import { Hono } from 'hono';
import { type AppDeps, createRouteDeps } from './deps';
import { limitBody, MAX_API_BODY_BYTES } from './http/body';
import { INTERNAL_ERROR, problemResponse } from './http/problem';
import { HookgateError, NotFoundError, UnauthorizedError } from './lib/errors';
import { secretEquals } from './lib/secrets';
import { createEventsRoutes } from './routes/events';
import { createHealthRoutes } from './routes/health';
import { createHookRoutes } from './routes/hooks';
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

  app.use('/api/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1] || !(await secretEquals(match[1].trim(), deps.adminToken))) {
      const error = new UnauthorizedError('send the admin token as "Authorization: Bearer <token>"');
      const response = problemResponse(error);
      response.headers.set('www-authenticate', 'Bearer');
      return response;
    }
    await next();
  });
  // After the token check, so an unauthenticated body is never read; `/hooks` limits its own, `/ui` its own.
  app.use('/api/*', limitBody(MAX_API_BODY_BYTES));

  app.route('/', createHealthRoutes(deps));
  app.route('/hooks', createHookRoutes(deps));
  app.route('/api/webhooks', createWebhookRoutes(deps));
  app.route('/api/events', createEventsRoutes(deps));
  app.route('/api/presets', createPresetRoutes(deps));
  app.route('/api/sinks', createSinkRoutes(deps));
  app.route('/api/openapi.json', createOpenApiRoutes());
  app.route('/', createMetricsRoutes(deps));
  app.route('/ui', createUiRoutes(deps));
  app.get('/', (c) => c.redirect('/ui', 302));

  app.notFound(() => problemResponse(new NotFoundError('not-found', 'no such route')));
  app.onError((error) => {
    if (error instanceof HookgateError) return problemResponse(error);
    deps.log.error('unhandled error', { error: (error as Error).stack ?? String(error) });
    return problemResponse(INTERNAL_ERROR);
  });
  return app;
}
