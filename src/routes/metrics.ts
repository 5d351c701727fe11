/**
 * `GET /metrics`: counters, histograms and store gauges in Prometheus' text format, then
 * forwarding's: counters of this process and, per sink, the pending events and lag read from the
 * store — never with a slug or a secret. Needs a key with the `read` scope unless
 * `HOOKGATE_METRICS_PUBLIC=true`.
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';
import { requireApiScope } from '../http/api-auth';
import { microsFromMillis } from '../lib/time';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`;

/** Pending events and lag per sink, as gauges. */
async function sinkGauges(deps: RouteDeps): Promise<string> {
  const sinks = await deps.store.listSinks();
  if (sinks.length === 0) return '';
  const now = microsFromMillis(deps.now());
  const pending = [
    '# HELP hookgate_sink_pending_events Events waiting to be forwarded',
    '# TYPE hookgate_sink_pending_events gauge',
  ];
  const lag = [
    '# HELP hookgate_sink_lag_seconds Age of the oldest event waiting for a sink',
    '# TYPE hookgate_sink_lag_seconds gauge',
  ];
  const dead = ['# HELP hookgate_sink_dead_letters Dead letters kept for a sink', '# TYPE hookgate_sink_dead_letters gauge'];
  for (const sink of sinks) {
    const counters = await deps.store.sinkCounters(sink.id);
    if (!counters) continue;
    const label = `{sink=${quote(sink.name)}}`;
    pending.push(`hookgate_sink_pending_events${label} ${counters.pending}`);
    const oldest = counters.oldestPendingMicros;
    lag.push(`hookgate_sink_lag_seconds${label} ${oldest === null ? 0 : Math.max(0, (now - oldest) / 1e6)}`);
    dead.push(`hookgate_sink_dead_letters${label} ${counters.deadLetters}`);
  }
  return `${[...pending, ...lag, ...dead].join('\n')}\n`;
}

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
    const text =
      deps.metrics.render() +
      deps.ops.render(stats, microsFromMillis(deps.now())) +
      (deps.forwarding?.metrics?.render() ?? '') +
      (await sinkGauges(deps));
    return c.body(text, 200, { 'content-type': METRICS_CONTENT_TYPE });
  });
  return app;
}
