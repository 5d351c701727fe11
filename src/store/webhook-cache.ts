/**
 * Webhooks by slug, kept in memory by a driver that is the only writer of its database (the
 * Node driver): every request looks its webhook up, and a change through the same store drops the
 * entry at once, so a rotated or disabled URL answers 404 immediately. Only webhooks that exist are
 * kept (requests to made-up slugs cannot push real ones out); bounded, oldest out first.
 */
import type { Webhook } from '../schemas/webhook';

export const WEBHOOK_CACHE_SIZE = 1000;

export interface WebhookCache {
  get(slug: string, load: () => Webhook | undefined): Webhook | undefined;
  /** Drops every entry of the webhook with this id (its slug may have changed). */
  forget(id: string): void;
}

export function createWebhookCache(size = WEBHOOK_CACHE_SIZE): WebhookCache {
  const bySlug = new Map<string, Webhook>();
  return {
    get(slug, load) {
      const cached = bySlug.get(slug);
      if (cached) return cached;
      const webhook = load();
      if (!webhook) return undefined;
      if (bySlug.size >= size) bySlug.delete(bySlug.keys().next().value as string);
      bySlug.set(slug, webhook);
      return webhook;
    },
    forget(id) {
      for (const [slug, webhook] of bySlug) if (webhook.id === id) bySlug.delete(slug);
    },
  };
}
