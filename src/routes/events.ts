/** STUB — to be replaced: Prefect-compatible events API. */
import { Hono } from 'hono';
import { NotFoundError } from '../core/errors';
import type { RouteDeps } from './deps';

export function createEventsRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:id', async (c) => {
    const event = await deps.store.readEvent(c.req.param('id'));
    if (!event) throw new NotFoundError('event-not-found', 'no event with that id');
    return c.json(event);
  });
  return app;
}
