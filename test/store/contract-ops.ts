/**
 * The store contract, part 4 (issue 17): API keys, changes written atomically with their audit
 * event, and retention's `pruneEvents` (bounded batches, the day counts kept right).
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_ACTOR, keyAudit, webhookAudit } from '../../src/core/audit';
import type { ApiKeyRecord } from '../../src/schemas/api-key';
import type { Event } from '../../src/schemas/event';
import { EventFilter } from '../../src/schemas/filter';
import type { Store } from '../../src/store/types';
import { sampleEvent, sampleWebhook } from './samples';

const NOW_MS = Date.parse('2026-03-01T12:00:00Z');
const MARCH = EventFilter.parse({ occurred: { since: '2026-02-01T00:00:00Z', until: '2026-04-01T00:00:00Z' } });
const total = async (store: Store) => (await store.queryEvents(MARCH, { limit: 0, offset: 0 })).total;

function sampleKey(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  const id = crypto.randomUUID();
  return {
    id,
    name: 'ci',
    scope: 'emit',
    hash: id.replaceAll('-', ''),
    prefix: 'hgk_abcdef',
    created: 1,
    expires: null,
    lastUsed: null,
    ...overrides,
  };
}

/** An audit event the store cannot write (NOT NULL `event`): the change with it must not happen either. */
const unwritable = (audit: Event): Event => ({ ...audit, event: null as unknown as string });

export function describeOpsContract(current: () => Store): void {
  describe('audited changes', () => {
    it('writes a webhook change and its audit event together', async () => {
      const store = current();
      const webhook = sampleWebhook();
      const audit = webhookAudit('created', webhook, ADMIN_TOKEN_ACTOR, NOW_MS);
      await expect(store.applyChange({ kind: 'webhook.create', webhook }, audit)).resolves.toBe(true);
      expect(await store.getWebhook(webhook.id)).toMatchObject({ id: webhook.id });
      expect(await store.readEvent(audit.id)).toMatchObject({ event: 'hookgate.webhook.created' });
    });

    it('neither, when the audit event cannot be written', async () => {
      const store = current();
      const webhook = sampleWebhook();
      const audit = webhookAudit('created', webhook, ADMIN_TOKEN_ACTOR, NOW_MS);
      await expect(store.applyChange({ kind: 'webhook.create', webhook }, unwritable(audit))).rejects.toThrow();
      expect(await store.getWebhook(webhook.id)).toBeUndefined();
      const key = sampleKey();
      await expect(
        store.applyChange({ kind: 'key.create', key }, unwritable(keyAudit('created', key, ADMIN_TOKEN_ACTOR, NOW_MS))),
      ).rejects.toThrow();
      expect(await store.getApiKey(key.id)).toBeUndefined();
    });

    it('neither, when the change fails (a taken slug), and no audit event for a change to nothing', async () => {
      const store = current();
      const first = sampleWebhook();
      await store.applyChange(
        { kind: 'webhook.create', webhook: first },
        webhookAudit('created', first, ADMIN_TOKEN_ACTOR, NOW_MS),
      );
      const clash = sampleWebhook({ slug: first.slug });
      const audit = webhookAudit('created', clash, ADMIN_TOKEN_ACTOR, NOW_MS);
      await expect(store.applyChange({ kind: 'webhook.create', webhook: clash }, audit)).rejects.toThrow();
      expect(await store.readEvent(audit.id)).toBeUndefined();
      const ghost = sampleWebhook();
      const none = webhookAudit('deleted', ghost, ADMIN_TOKEN_ACTOR, NOW_MS);
      await expect(store.applyChange({ kind: 'webhook.delete', id: ghost.id }, none)).resolves.toBe(false);
      expect(await store.readEvent(none.id)).toBeUndefined();
    });
  });

  describe('API keys', () => {
    it('stores, finds by hash, touches at most once a minute, lists and revokes', async () => {
      const store = current();
      const key = sampleKey({ expires: 9_000_000_000_000_000 });
      await store.applyChange({ kind: 'key.create', key }, keyAudit('created', key, ADMIN_TOKEN_ACTOR, NOW_MS));
      expect(await store.getApiKeyByHash(key.hash)).toEqual(key);
      await store.touchApiKey(key.id, 100_000_000);
      await store.touchApiKey(key.id, 130_000_000);
      expect((await store.getApiKey(key.id))?.lastUsed).toBe(100_000_000);
      await store.touchApiKey(key.id, 161_000_000);
      expect((await store.getApiKey(key.id))?.lastUsed).toBe(161_000_000);
      expect((await store.listApiKeys()).map((k) => k.id)).toEqual([key.id]);
      await expect(
        store.applyChange({ kind: 'key.revoke', id: key.id }, keyAudit('revoked', key, ADMIN_TOKEN_ACTOR, NOW_MS)),
      ).resolves.toBe(true);
      expect(await store.getApiKeyByHash(key.hash)).toBeUndefined();
    });
  });

  describe('gauges and the write probe', () => {
    it('counts the events and knows the oldest time of receipt; a writable store passes the probe', async () => {
      const store = current();
      expect(await store.stats()).toMatchObject({ events: 0, oldestReceivedMicros: null });
      const before = Date.now() * 1000;
      await store.writeEvents([sampleEvent(), sampleEvent({ occurred: '2026-03-05T10:00:00Z' })]);
      const stats = await store.stats();
      expect(stats.events).toBe(2);
      expect(stats.oldestReceivedMicros).toBeGreaterThanOrEqual(before);
      expect(stats.bytes === null || stats.bytes > 0).toBe(true);
      await expect(store.probeWrite()).resolves.toBeUndefined();
    });
  });

  describe('pruning events by time of receipt', () => {
    it('deletes only events received before the cutoff, in batches, keeping totals right', async () => {
      const store = current();
      const old = Array.from({ length: 5 }, () => sampleEvent());
      await store.writeEvents(old);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cutoff = Date.now() * 1000;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const kept = Array.from({ length: 3 }, () => sampleEvent());
      await store.writeEvents(kept);
      expect(await total(store)).toBe(8);

      expect(await store.pruneEvents(cutoff, 2)).toBe(2);
      expect(await store.pruneEvents(cutoff, 2)).toBe(2);
      expect(await store.pruneEvents(cutoff, 2)).toBe(1);
      expect(await store.pruneEvents(cutoff, 2)).toBe(0);
      for (const event of old) expect(await store.readEvent(event.id)).toBeUndefined();
      for (const event of kept) expect(await store.readEvent(event.id)).toBeDefined();
      expect(await total(store)).toBe(3);
      expect((await store.stats()).events).toBe(3);
      const byOwner = await store.queryEvents(EventFilter.parse({ ...MARCH, related: { id: ['owner.1'] } }), {
        limit: 10,
        offset: 0,
      });
      expect(byOwner.events.map((e) => e.id).sort()).toEqual(kept.map((e) => e.id).sort());
    });
  });
}
