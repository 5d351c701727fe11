/**
 * Webhooks by slug, kept in memory: every request looks its webhook up, and a change drops the
 * entry at once, so a rotated or disabled URL answers 404 immediately. The Node driver is the only
 * writer of its file and drops entries itself; the PostgreSQL driver also drops them when another
 * process says so (LISTEN/NOTIFY). Only webhooks that exist are kept (requests to made-up slugs
 * cannot push real ones out); bounded, oldest out first.
 */
import type { Webhook } from '../schemas/webhook';

export const WEBHOOK_CACHE_SIZE = 1000;

export interface WebhookCache {
  get(slug: string, load: () => Webhook | undefined): Webhook | undefined;
  /**
   * The same with an async `load`: what it loads is kept only if nothing was forgotten while it
   * loaded (a change that raced the load must not leave the old version cached).
   */
  getAsync(slug: string, load: () => Promise<Webhook | undefined>): Promise<Webhook | undefined>;
  /** Drops every entry of the webhook with this id (its slug may have changed). */
  forget(id: string): void;
  /** Drops every entry (e.g. when change notices may have been missed). */
  clear(): void;
}

export function createWebhookCache(size = WEBHOOK_CACHE_SIZE): WebhookCache {
  const bySlug = new Map<string, Webhook>();
  // Moves on every forget/clear, so an async load that started before one is not kept.
  let epoch = 0;
  function keep(slug: string, webhook: Webhook): void {
    if (bySlug.size >= size) bySlug.delete(bySlug.keys().next().value as string);
    bySlug.set(slug, webhook);
  }
  return {
    get(slug, load) {
      const cached = bySlug.get(slug);
      if (cached) return cached;
      const webhook = load();
      if (webhook) keep(slug, webhook);
      return webhook;
    },
    async getAsync(slug, load) {
      const cached = bySlug.get(slug);
      if (cached) return cached;
      const started = epoch;
      const webhook = await load();
      if (webhook && started === epoch) keep(slug, webhook);
      return webhook;
    },
    forget(id) {
      epoch += 1;
      for (const [slug, webhook] of bySlug) if (webhook.id === id) bySlug.delete(slug);
    },
    clear() {
      epoch += 1;
      bySlug.clear();
    },
  };
}
