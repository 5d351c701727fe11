/**
 * What the webhooks list shows per webhook, all by time of receipt (a provider's `occurred` may be
 * years old): its last attempt (any outcome), when its last event was received, and the last 24
 * hours' events and failed requests — from the delivery log's records and hourly counts; the
 * newest event's `received` stands in for a webhook whose log holds no stored request.
 */
import { microsFromMillis } from '../lib/time';
import type { Delivery } from '../schemas/delivery';
import { EventFilter, resolveFilter } from '../schemas/filter';
import type { Store } from '../store/types';
import { webhookActivity } from './webhook-activity';

export interface WebhookStats {
  /** The newest request to the URL, whatever became of it. */
  lastAttempt: Delivery | null;
  /** When the newest event was received. */
  lastEvent: string | null;
  events24h: number;
  failures24h: number;
  rejected24h: number;
}

async function lastEventReceived(store: Store, webhookId: string, nowMs: number): Promise<string | null> {
  const logged = await store.listDeliveries(webhookId, { outcome: 'stored', limit: 1 });
  const record = logged.deliveries[0];
  if (record) return record.received;
  const related = { id: [`hookgate.webhook.${webhookId}`] };
  const ever = resolveFilter(EventFilter.parse({ related }), microsFromMillis(nowMs));
  const latest = await store.queryEvents(ever, { limit: 1, offset: 0, knownTotal: 1 });
  return latest.events[0]?.received ?? null;
}

/** `lastAttempts` is the store's `lastDeliveries()`, read once for the whole list. */
export async function webhookStats(
  store: Store,
  webhookId: string,
  nowMs: number,
  lastAttempts: ReadonlyMap<string, Delivery>,
): Promise<WebhookStats> {
  const [lastEvent, day] = await Promise.all([
    lastEventReceived(store, webhookId, nowMs),
    webhookActivity(store, webhookId, 'day', nowMs),
  ]);
  return {
    lastAttempt: lastAttempts.get(webhookId) ?? null,
    lastEvent,
    events24h: day.events,
    failures24h: day.totals.failed,
    rejected24h: day.totals.rejected,
  };
}
