/**
 * Histograms and gauges for `GET /metrics`, beside the counters in metrics.ts, in Prometheus' text
 * format (cumulative `_bucket{le}`, `_sum`, `_count`). In memory, per process (per isolate on Workers).
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#histograms-and-summaries
 */
import { labelText } from './metrics';

type Labels = Record<string, string>;

/** Seconds: from a fraction of a millisecond (an in-memory commit) to ten seconds (a stalled store). */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Events per write: one, a small fan-out, up to the 100 a request may produce and the 200 an emit may. */
export const COUNT_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200];

interface Series {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

export interface Histogram {
  observe(labels: Labels, value: number): void;
  render(): string;
}

/** Prometheus renders numbers as Go does: `+Inf`, and plain decimals. */
const number = (value: number) => (value === Number.POSITIVE_INFINITY ? '+Inf' : String(value));

export function createHistogram(name: string, help: string, buckets: readonly number[]): Histogram {
  const series = new Map<string, Series>();
  return {
    observe(labels, value) {
      const key = labelText(labels);
      let entry = series.get(key);
      if (!entry) {
        entry = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
        series.set(key, entry);
      }
      for (let i = 0; i < buckets.length; i++) if (value <= (buckets[i] ?? 0)) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
      entry.sum += value;
      entry.count += 1;
    },
    render() {
      const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
      for (const entry of series.values()) {
        buckets.forEach((bound, i) => {
          lines.push(`${name}_bucket${labelText({ ...entry.labels, le: number(bound) })} ${entry.counts[i] ?? 0}`);
        });
        lines.push(`${name}_bucket${labelText({ ...entry.labels, le: '+Inf' })} ${entry.count}`);
        lines.push(`${name}_sum${labelText(entry.labels)} ${entry.sum}`);
        lines.push(`${name}_count${labelText(entry.labels)} ${entry.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** One gauge, rendered with its value (omitted when unknown, e.g. a store size D1 does not report). */
export function renderGauge(name: string, help: string, value: number | null): string {
  if (value === null) return '';
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;
}
