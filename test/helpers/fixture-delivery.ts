/**
 * Setup shared by the end-to-end fixture tests: one app served over real HTTP per test file with a
 * fixed clock, provider fixtures delivered as their provider sends them, and the events stored for a
 * webhook read from the SQLite file and checked against the store's own reader.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { type CreatedWebhook, eventsOf, providerFixture, type RawEvent, type ServedApp, serveTestApp } from './hooks';

/** The clock of the app under test: events without a timestamp of their own occur at receipt. */
export const NOW = '2026-03-27T12:00:00Z';
const EVENT_KEYS = ['event', 'follows', 'id', 'occurred', 'payload', 'received', 'related', 'resource'];

/** A readable mapping template from test/fixtures/templates. */
export function template(name: string): string {
  return readFileSync(new URL(`../fixtures/templates/${name}.hbs`, import.meta.url), 'utf8');
}

export interface FixtureDelivery {
  /** The app of the current file, served on 127.0.0.1. */
  readonly served: ServedApp;
  /** Sends a fixture as its provider does: its content type, its routing headers, plus `extra` headers. */
  deliver(webhook: CreatedWebhook, path: string, extra?: Record<string, string>): Promise<Response>;
  /** Expects a 204 with an empty body. */
  expectDelivered(response: Response): Promise<void>;
  /** The events stored for a webhook, each checked against the store's own reader. */
  storedFor(webhook: CreatedWebhook): Promise<RawEvent[]>;
}

/** Serves one app for the calling file (or suite) and returns its handle. */
export function useServedFixtures(): FixtureDelivery {
  let current: ServedApp | undefined;
  const served = (): ServedApp => {
    if (!current) throw new Error('useServedFixtures: no app outside a test');
    return current;
  };
  beforeAll(async () => {
    current = await serveTestApp({ now: () => Date.parse(NOW) });
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get served() {
      return served();
    },
    deliver(webhook, path, extra = {}) {
      const fixture = providerFixture(path);
      return fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': fixture.contentType, ...fixture.headers, ...extra },
        body: fixture.body,
      });
    },
    async expectDelivered(response) {
      const text = await response.text();
      expect({ status: response.status, text }).toEqual({ status: 204, text: '' });
    },
    async storedFor(webhook) {
      const events = eventsOf(served().dbFile, webhook);
      for (const event of events) {
        expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
        expect(event.follows).toBeNull();
        expect(event.received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/);
        expect(await served().deps.store.readEvent(event.id)).toEqual(event);
      }
      return events;
    },
  };
}
