/**
 * Forwarding counters for `GET /metrics` (per process): events by sink and outcome, failed
 * attempts, dead letters. Lag and pending are gauges read from the store when /metrics is asked.
 * Labels are sink names (set by the operator), never event data.
 */
import type { Settlement } from '../../store/types';
import { createCounters } from '../metrics';

export interface ForwardMetrics {
  record(sink: string, settlement: Settlement): void;
  render(): string;
}

export function createForwardMetrics(): ForwardMetrics {
  const counters = createCounters({
    hookgate_forwarded_events_total: 'Events settled by a sink, by outcome (delivered, retry, dead_letter)',
    hookgate_forward_failed_attempts_total: 'Drains of a sink that stopped on a transient or configuration failure',
    hookgate_forward_dead_letters_total: 'Events a sink rejected (or that broke its rules), kept as dead letters',
  });
  return {
    record(sink, s) {
      if (s.delivered.length > 0)
        counters.inc('hookgate_forwarded_events_total', { sink, outcome: 'delivered' }, s.delivered.length);
      if (s.failed && s.retry.length > 0)
        counters.inc('hookgate_forwarded_events_total', { sink, outcome: 'retry' }, s.retry.length);
      if (s.dead.length > 0) {
        counters.inc('hookgate_forwarded_events_total', { sink, outcome: 'dead_letter' }, s.dead.length);
        counters.inc('hookgate_forward_dead_letters_total', { sink }, s.dead.length);
      }
      if (s.failed) counters.inc('hookgate_forward_failed_attempts_total', { sink });
    },
    render: () => counters.render(),
  };
}
