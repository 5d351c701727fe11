/**
 * Operator metrics (issue 17): how long webhook requests take by webhook and outcome, how long the
 * store takes to commit a write and how many events a write holds, and gauges read from the store
 * when `/metrics` is scraped (events stored, age of the oldest, file size where cheap).
 */
import type { EventStore, StoreStats } from '../store/types';
import { COUNT_BUCKETS, createHistogram, DURATION_BUCKETS, renderGauge } from './histograms';

export interface OpsMetrics {
  /** A webhook request's time from receipt to answer; `outcome`: stored, failed, rejected or handshake. */
  request(webhook: string, outcome: string, seconds: number): void;
  /** The store's answer to one `writeEvents` call: its duration (queueing for the group commit included) and size. */
  write(events: number, seconds: number): void;
  render(stats: StoreStats | undefined, nowMicros: number): string;
}

export function createOpsMetrics(): OpsMetrics {
  const requests = createHistogram(
    'hookgate_hook_request_duration_seconds',
    'Time from receipt to answer of requests to /hooks/:slug, by webhook id and outcome.',
    DURATION_BUCKETS,
  );
  const commits = createHistogram(
    'hookgate_store_commit_duration_seconds',
    'Time until a write of events is committed (what a request waits for before its 2xx).',
    DURATION_BUCKETS,
  );
  const sizes = createHistogram('hookgate_store_commit_events', 'Events per committed write.', COUNT_BUCKETS);
  return {
    request: (webhook, outcome, seconds) => requests.observe({ webhook, outcome }, seconds),
    write(events, seconds) {
      commits.observe({}, seconds);
      sizes.observe({}, events);
    },
    render(stats, nowMicros) {
      const oldest = stats?.oldestReceivedMicros;
      return [
        requests.render(),
        commits.render(),
        sizes.render(),
        renderGauge('hookgate_events_stored', 'Events in the store.', stats?.events ?? null),
        renderGauge(
          'hookgate_oldest_event_age_seconds',
          'Age of the oldest stored event, by time of receipt.',
          oldest == null ? null : Math.max(0, (nowMicros - oldest) / 1e6),
        ),
        renderGauge('hookgate_store_size_bytes', 'Size of the database file.', stats?.bytes ?? null),
      ].join('');
    },
  };
}

/** The store with each `writeEvents` timed and counted: what the pipeline and the events API write through. */
export function instrumentWrites<S extends EventStore>(store: S, metrics: OpsMetrics): S {
  const writeEvents: EventStore['writeEvents'] = async (events) => {
    const started = performance.now();
    const result = await store.writeEvents(events);
    if (events.length > 0) metrics.write(events.length, (performance.now() - started) / 1000);
    return result;
  };
  return Object.assign(Object.create(null), store, { writeEvents }) as S;
}
