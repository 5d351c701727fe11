/**
 * The events-over-time histogram above the feed: Prefect's `count-by/time` over the feed's filter,
 * in about 60 buckets of a round width, drawn as SVG bars (each with its count and time on hover);
 * the webhook page's activity uses the same chart with bars stacked by outcome.
 */
import { microsFromMillis, timestampMicros } from '../lib/time';
import type { EventCount, ResolvedEventFilter } from '../schemas/filter';
import type { EventStore } from '../store/types';
import { dayKey, exactTime } from './zone';

const TARGET_BUCKETS = 60;
/** Round bucket widths in seconds: 1 s … 1 week. */
const STEPS_SECONDS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400, 604_800];
const WIDTH = 600;
const HEIGHT = 80;

/** The round bucket width that gives at most about 60 buckets over the window. */
export function bucketSeconds(sinceMs: number, untilMs: number): number {
  const wanted = (untilMs - sinceMs) / 1000 / TARGET_BUCKETS;
  return STEPS_SECONDS.find((step) => step >= wanted) ?? Math.ceil(wanted / 604_800) * 604_800;
}

/** Counts per bucket for `filter` (the same store call as `POST /api/events/count-by/time`). */
export async function countOverTime(store: EventStore, filter: ResolvedEventFilter, nowMs: number): Promise<EventCount[]> {
  const since = timestampMicros(filter.occurred.since) / 1000;
  const until = timestampMicros(filter.occurred.until) / 1000;
  return store.countEvents({
    countable: 'time',
    filter,
    time_unit: 'second',
    time_interval: bucketSeconds(since, until),
    nowMicros: microsFromMillis(nowMs),
  });
}

const ms = (text: string) => Math.floor(timestampMicros(text) / 1000);

/** One bar: its time span and its counts per series (one series: a plain bar; several: stacked). */
export interface HistogramBucket {
  startMs: number;
  endMs: number;
  parts: { series: string; count: number }[];
}

/** The feed's counts as one-series buckets. */
export function eventBuckets(counts: EventCount[]): HistogramBucket[] {
  return counts.map((row) => ({
    startMs: ms(row.start_time),
    endMs: ms(row.end_time),
    parts: [{ series: 'events', count: row.count }],
  }));
}

const sumOf = (bucket: HistogramBucket) => bucket.parts.reduce((sum, part) => sum + part.count, 0);

/**
 * Axis text for an instant: month, day and time, with the year in front when the range crosses a
 * year or is not in the current one, so the axis never reads ambiguously.
 */
export function axisTime(atMs: number, range: { startMs: number; endMs: number }, nowMs: number, zone: string): string {
  const year = (t: number) => dayKey(t, zone).slice(0, 4);
  const withYear = year(range.startMs) !== year(range.endMs) || year(range.endMs) !== year(nowMs);
  return exactTime(atMs, zone).slice(withYear ? 0 : 5, 16);
}

export interface HistogramProps {
  buckets: HistogramBucket[];
  zone: string;
  nowMs: number;
  /** What a bar counts, singular ("event", "request"). */
  unit?: string;
  /** The caption between the axis ends. */
  caption?: string;
  id?: string;
}

function summary({ buckets, zone, unit = 'event' }: HistogramProps): string {
  const total = buckets.reduce((sum, bucket) => sum + sumOf(bucket), 0);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return `No ${unit}s in this time range`;
  const peak = buckets.reduce((top, bucket) => (sumOf(bucket) > sumOf(top) ? bucket : top), first);
  const range = `from ${exactTime(first.startMs, zone)} to ${exactTime(last.endMs, zone)}`;
  return total === 0
    ? `No ${unit}s ${range}`
    : `${total} ${unit}${total === 1 ? '' : 's'} ${range}; at most ${sumOf(peak)} from ${exactTime(peak.startMs, zone)}`;
}

function barTitle(bucket: HistogramBucket, zone: string): string {
  const parts = bucket.parts.length > 1 ? bucket.parts.filter((part) => part.count > 0) : [];
  const split = parts.length > 0 ? `: ${parts.map((part) => `${part.count} ${part.series}`).join(', ')}` : '';
  return `${sumOf(bucket)} from ${exactTime(bucket.startMs, zone)}${split}`;
}

/** The bar of one bucket: a rect per series with a count, stacked from the baseline. */
function Bar({
  bucket,
  index,
  width,
  max,
  zone,
}: {
  bucket: HistogramBucket;
  index: number;
  width: number;
  max: number;
  zone: string;
}) {
  const total = sumOf(bucket);
  const height = total === 0 ? 0 : Math.max(2, (total / max) * (HEIGHT - 4));
  let top = HEIGHT - height;
  return (
    <g>
      <title>{barTitle(bucket, zone)}</title>
      {bucket.parts
        .filter((part) => part.count > 0)
        .map((part) => {
          const partHeight = (part.count / total) * height;
          const y = top;
          top += partHeight;
          return (
            <rect
              class={`bar series-${part.series}`}
              x={index * width + 0.5}
              y={y}
              width={Math.max(1, width - 1)}
              height={partHeight}
            />
          );
        })}
    </g>
  );
}

export function Histogram(props: HistogramProps) {
  const { buckets, zone, nowMs } = props;
  const max = Math.max(1, ...buckets.map(sumOf));
  const width = WIDTH / Math.max(1, buckets.length);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const range = first && last ? { startMs: first.startMs, endMs: last.endMs } : undefined;
  return (
    <figure class="histogram" id={props.id ?? 'histogram'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary(props)}>
        <line class="baseline" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        {buckets.map((bucket, index) => (
          <Bar bucket={bucket} index={index} width={width} max={max} zone={zone} />
        ))}
      </svg>
      {range && (
        <figcaption class="histogram-axis">
          <span>{axisTime(range.startMs, range, nowMs, zone)}</span>
          <span>{props.caption ?? 'Events over time'}</span>
          <span>{axisTime(range.endMs, range, nowMs, zone)}</span>
        </figcaption>
      )}
    </figure>
  );
}
