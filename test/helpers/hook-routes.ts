/**
 * Setup shared by the `ANY /hooks/:slug` route tests: a fresh app over a real store for every
 * test (SQLite, or PostgreSQL in the `postgres` project), webhooks created through the API, requests
 * posted to them, and the events the store holds.
 */
import { expect } from 'vitest';
import { type RawEvent, requestEvents } from './hooks';
import { type PerTestApp, usePerTestApp } from './per-test-app';

/** A template mapping that echoes `kind` and `id` from a JSON body. */
export const ECHO = '{"event": "thing.{{body.kind}}", "resource": {"prefect.resource.id": "thing.{{body.id}}"}}';

export interface Problem {
  code: string;
  detail: string;
  status: number;
}

export interface HookRoutes extends PerTestApp {
  /** `POST /api/webhooks` named "hook"; fails the test unless it is created. */
  webhook(body: Record<string, unknown>): Promise<{ id: string; slug: string; url: string }>;
  post(slug: string, body: string, headers?: Record<string, string>): Promise<Response>;
  /** Every event requests stored, oldest first, read from the store itself (SQLite or PostgreSQL). */
  stored(): Promise<RawEvent[]>;
}

/** Registers the per-test app hooks in the calling suite and returns its handle. */
export function useHookRoutes(): HookRoutes {
  const suite = usePerTestApp();
  return {
    get t() {
      return suite.t;
    },
    restart: (overrides) => suite.restart(overrides),
    async webhook(body) {
      const response = await suite.t.api('/api/webhooks', { method: 'POST', json: { name: 'hook', ...body } });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; slug: string; url: string };
    },
    post: (slug, body, headers = { 'content-type': 'application/json' }) =>
      Promise.resolve(suite.t.app.request(`/hooks/${slug}`, { method: 'POST', body, headers })),
    stored: async () => requestEvents(await suite.t.storedBodies()),
  };
}
