/**
 * The events-over-time histogram above the feed: Prefect's `count-by/time` over the feed's filter,
 * in about 60 buckets of a round width, drawn as SVG bars (each with its count and time on hover).
 */
import { microsFromMillis, timestampMicros } from '../lib/time';
import type { EventCount, ResolvedEventFilter } from '../schemas/filter';
import type { EventStore } from '../store/types';
import { exactTime } from './zone';

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

function summary(buckets: EventCount[], zone: string): string {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return 'No events in this time range';
  const peak = buckets.reduce((top, bucket) => (bucket.count > top.count ? bucket : top), first);
  const range = `from ${exactTime(ms(first.start_time), zone)} to ${exactTime(ms(last.end_time), zone)}`;
  return total === 0
    ? `No events ${range}`
    : `${total} event${total === 1 ? '' : 's'} ${range}; at most ${peak.count} from ${exactTime(ms(peak.start_time), zone)}`;
}

export function Histogram({ buckets, zone }: { buckets: EventCount[]; zone: string }) {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const width = WIDTH / Math.max(1, buckets.length);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return (
    <figure class="histogram" id="histogram">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary(buckets, zone)}>
        <line class="baseline" x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        {buckets.map((bucket, index) => {
          const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * (HEIGHT - 4));
          return (
            <rect class="bar" x={index * width + 0.5} y={HEIGHT - height} width={Math.max(1, width - 1)} height={height}>
              <title>{`${bucket.count} from ${exactTime(ms(bucket.start_time), zone)}`}</title>
            </rect>
          );
        })}
      </svg>
      {first && last && (
        <figcaption class="histogram-axis">
          <span>{exactTime(ms(first.start_time), zone).slice(5, 16)}</span>
          <span>Events over time</span>
          <span>{exactTime(ms(last.end_time), zone).slice(5, 16)}</span>
        </figcaption>
      )}
    </figure>
  );
}
