/** A webhook's delivery log as the API and the pages show it: a page of records, each with its hint. */
import type { DeliveryQuery, DeliveryView } from '../../schemas/delivery';
import type { Webhook } from '../../schemas/webhook';
import type { DeliveryStore } from '../../store/types';
import { deliveryHint } from './hints';

export interface DeliveryViewPage {
  deliveries: DeliveryView[];
  /** Pass as `page` for older records; null at the end. */
  next_page: string | null;
  /** Pass as `after` to get only newer records (following). */
  cursor: string | null;
}

const cursorOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

export async function listDeliveryViews(webhook: Webhook, query: DeliveryQuery, store: DeliveryStore): Promise<DeliveryViewPage> {
  const page = await store.listDeliveries(webhook.id, {
    outcome: query.outcome,
    limit: query.limit,
    before: cursorOf(query.page),
    after: cursorOf(query.after),
  });
  return {
    deliveries: page.deliveries.map((delivery) => ({ ...delivery, hint: deliveryHint(delivery, webhook) })),
    next_page: page.next === null ? null : String(page.next),
    cursor: page.cursor === null ? null : String(page.cursor),
  };
}
