/**
 * What the webhooks list shows per webhook: the time of its last event, and how many events and
 * failures it produced in the last 24 hours — from the store, with the events API's filters.
 */
import { FAILED_EVENT } from '../core/failure';
import { formatTimestamp, microsFromMillis } from '../lib/time';
import { EventFilter, resolveFilter } from '../schemas/filter';
import type { EventStore } from '../store/types';

const DAY_MS = 86_400_000;

export interface WebhookStats {
  lastEvent: string | null;
  events24h: number;
  failures24h: number;
}

export async function webhookStats(store: EventStore, webhookId: string, nowMs: number): Promise<WebhookStats> {
  const now = microsFromMillis(nowMs);
  const related = { id: [`hookgate.webhook.${webhookId}`] };
  const ever = resolveFilter(EventFilter.parse({ related }), now);
  const lastDay = resolveFilter(EventFilter.parse({ related, occurred: { since: formatTimestamp(now - DAY_MS * 1000) } }), now);
  const [latest, counts] = await Promise.all([
    store.queryEvents(ever, { limit: 1, offset: 0, knownTotal: 1 }),
    store.countEvents({ countable: 'event', filter: lastDay, time_unit: 'day', time_interval: 1, nowMicros: now }),
  ]);
  return {
    lastEvent: latest.events[0]?.occurred ?? null,
    events24h: counts.filter((row) => row.value !== FAILED_EVENT).reduce((sum, row) => sum + row.count, 0),
    failures24h: counts.find((row) => row.value === FAILED_EVENT)?.count ?? 0,
  };
}
