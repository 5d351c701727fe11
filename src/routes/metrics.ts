/**
 * `GET /metrics`: counters, histograms and store gauges in Prometheus' text format, never with a
 * slug or a secret. Needs a key with the `read` scope unless `HOOKGATE_METRICS_PUBLIC=true`.
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';
import { requireApiScope } from '../http/api-auth';
import { microsFromMillis } from '../lib/time';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function createMetricsRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  if (!deps.metricsPublic)
    app.use(
      '/metrics',
      requireApiScope(deps, () => 'read'),
    );
  app.get('/metrics', async (c) => {
    // The gauges need the store; without it the rest is still worth scraping.
    const stats = await deps.store.stats().catch(() => undefined);
    const text = deps.metrics.render() + deps.ops.render(stats, microsFromMillis(deps.now()));
    return c.body(text, 200, { 'content-type': METRICS_CONTENT_TYPE });
  });
  return app;
}
