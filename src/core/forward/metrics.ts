/** Counters of forwarding for /metrics: events by sink and outcome, retries, dead letters. */
import type { Settlement } from '../../store/types';

export type ForwardOutcome = 'delivered' | 'retried' | 'dead_letter';

export interface ForwardMetrics {
  record(sink: string, settlement: Settlement): void;
  /** `[sink, outcome, count]` rows. */
  rows(): [string, ForwardOutcome, number][];
}

/** Sinks counted at most (names beyond share `other`), so labels stay bounded. */
export const MAX_METRIC_SINKS = 100;

export function createForwardMetrics(): ForwardMetrics {
  const counts = new Map<string, Record<ForwardOutcome, number>>();
  return {
    record(sink, settlement) {
      const name = counts.has(sink) || counts.size < MAX_METRIC_SINKS ? sink : 'other';
      const entry = counts.get(name) ?? { delivered: 0, retried: 0, dead_letter: 0 };
      entry.delivered += settlement.delivered.length;
      if (settlement.failed) entry.retried += settlement.retry.length;
      entry.dead_letter += settlement.dead.length;
      counts.set(name, entry);
    },
    rows() {
      return [...counts].flatMap(([sink, c]) =>
        (Object.entries(c) as [ForwardOutcome, number][]).map(([outcome, n]): [string, ForwardOutcome, number] => [
          sink,
          outcome,
          n,
        ]),
      );
    },
  };
}
