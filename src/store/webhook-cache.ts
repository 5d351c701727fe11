/**
 * Webhooks by slug, kept in memory by a driver that is the only writer of its database (the
 * Node driver): every request looks its webhook up, and a change through the same store drops the
 * entry at once, so a rotated or disabled URL answers 404 immediately. Bounded (oldest out first).
 */
import type { Webhook } from '../schemas/webhook';

export const WEBHOOK_CACHE_SIZE = 1000;

export interface WebhookCache {
  get(slug: string, load: () => Webhook | undefined): Webhook | undefined;
  /** Drops every entry of the webhook with this id (its slug may have changed). */
  forget(id: string): void;
}

export function createWebhookCache(size = WEBHOOK_CACHE_SIZE): WebhookCache {
  const bySlug = new Map<string, Webhook | undefined>();
  return {
    get(slug, load) {
      if (bySlug.has(slug)) return bySlug.get(slug);
      const webhook = load();
      if (bySlug.size >= size) bySlug.delete(bySlug.keys().next().value as string);
      bySlug.set(slug, webhook);
      return webhook;
    },
    forget(id) {
      for (const [slug, webhook] of bySlug) {
        // Misses are cached too (unknown slugs): a new webhook may now own one of them.
        if (webhook === undefined || webhook.id === id) bySlug.delete(slug);
      }
    },
  };
}
