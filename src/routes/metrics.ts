/** `GET /metrics`: the counters in Prometheus' text format. Open, as usual for /metrics: counters only. */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function createMetricsRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/metrics', (c) => c.body(deps.metrics.render(), 200, { 'content-type': METRICS_CONTENT_TYPE }));
  return app;
}
