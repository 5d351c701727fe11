/**
 * `GET /healthz`: open, no auth; says whether the store answers (a ping: no table is read).
 * `GET /readyz`: whether the store can take writes now (503 while it cannot: read-only, locked, full).
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';

export function createHealthRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  app.get('/readyz', async (c) => {
    try {
      await deps.store.probeWrite();
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
}
