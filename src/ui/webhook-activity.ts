/**
 * A webhook's activity for its page: requests per outcome over the last day (hourly) or week
 * (6-hour bars), by time of receipt, from the delivery log's hourly counts (not capped by the
 * records kept), as buckets for the histogram; and the page's query (range, outcome filter, page).
 */
import { DELIVERY_OUTCOMES, DeliveryOutcome } from '../schemas/delivery';
import type { DeliveryStore } from '../store/types';
import type { HistogramBucket } from './histogram';

const HOUR_MS = 3_600_000;

export const ACTIVITY_RANGES = {
  day: { bars: 24, barHours: 1, label: 'Last 24 hours' },
  week: { bars: 28, barHours: 6, label: 'Last 7 days' },
} as const;
export type ActivityRange = keyof typeof ACTIVITY_RANGES;

export interface Activity {
  range: ActivityRange;
  buckets: HistogramBucket[];
  /** Requests per outcome over the range. */
  totals: Record<DeliveryOutcome, number>;
  /** Events the stored requests made over the range. */
  events: number;
}

/** The bars of `range` ending with the current hour, each split by outcome (handshakes only when there are some). */
export async function webhookActivity(
  store: DeliveryStore,
  webhookId: string,
  range: ActivityRange,
  nowMs: number,
): Promise<Activity> {
  const { bars, barHours } = ACTIVITY_RANGES[range];
  const barMs = barHours * HOUR_MS;
  const firstMs = (Math.floor(nowMs / HOUR_MS) - (bars * barHours - 1)) * HOUR_MS;
  const rows = await store.countDeliveries(webhookId, firstMs * 1000, barMs * 1000);
  const totals = Object.fromEntries(DELIVERY_OUTCOMES.map((outcome) => [outcome, 0])) as Record<DeliveryOutcome, number>;
  const counts = new Map<string, number>();
  let events = 0;
  for (const row of rows) {
    const index = Math.floor((row.bucket / 1000 - firstMs) / barMs);
    if (index < 0 || index >= bars) continue;
    counts.set(`${index}:${row.outcome}`, (counts.get(`${index}:${row.outcome}`) ?? 0) + row.n);
    totals[row.outcome] += row.n;
    if (row.outcome === 'stored') events += row.events;
  }
  const series = DELIVERY_OUTCOMES.filter((outcome) => outcome !== 'handshake' || totals.handshake > 0);
  const buckets = Array.from({ length: bars }, (_, index) => ({
    startMs: firstMs + index * barMs,
    endMs: firstMs + (index + 1) * barMs,
    parts: series.map((outcome) => ({ series: outcome, count: counts.get(`${index}:${outcome}`) ?? 0 })),
  }));
  return { range, buckets, totals, events };
}

/** The webhook page's query: the chart's range, the log's outcome filter and page (an older-than cursor). */
export interface ActivityQuery {
  range: ActivityRange;
  outcome?: DeliveryOutcome;
  before?: string;
}

export function parseActivityQuery(query: Record<string, string | undefined>): ActivityQuery {
  const outcome = DeliveryOutcome.safeParse(query.outcome);
  const before = query.before && /^\d{1,18}$/.test(query.before) ? query.before : undefined;
  return { range: query.range === 'week' ? 'week' : 'day', outcome: outcome.success ? outcome.data : undefined, before };
}

/** `?range=…&outcome=…&before=…` for links between views (defaults left out), with `changes` applied. */
export function activitySearch(query: ActivityQuery, changes: Partial<Record<keyof ActivityQuery, string | undefined>> = {}) {
  const merged: Record<string, string | undefined> = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.range && merged.range !== 'day') params.set('range', merged.range);
  if (merged.outcome) params.set('outcome', merged.outcome);
  if (merged.before) params.set('before', merged.before);
  const text = params.toString();
  return text ? `?${text}` : '';
}
