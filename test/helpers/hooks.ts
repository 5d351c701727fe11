/**
 * End-to-end helpers: a test app served over real HTTP, webhooks created through the real API,
 * provider fixtures from ../shared/fixtures, and events read straight from the database.
 */
import { readFileSync } from 'node:fs';
import type { AppDeps } from '../../src/app';
import { createTestApp, type RunningServer, sqliteBodies, startServer, TEST_TOKEN, type TestApp } from './app';

export interface ServedApp extends TestApp {
  server: RunningServer;
  /** `http://127.0.0.1:<port>` */
  base: string;
  stop(): Promise<void>;
}

export async function serveTestApp(overrides: Partial<AppDeps> = {}): Promise<ServedApp> {
  const testApp = createTestApp(overrides);
  const server = await startServer(testApp.app);
  return {
    ...testApp,
    server,
    base: server.url,
    async stop() {
      await server.close();
      await testApp.close();
    },
  };
}

export interface CreatedWebhook {
  id: string;
  name: string;
  url: string;
  slug: string;
}

/** `POST /api/webhooks` over HTTP; fails the test unless the webhook is created (201). */
export async function createWebhook(base: string, input: Record<string, unknown>): Promise<CreatedWebhook> {
  const response = await fetch(`${base}/api/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (response.status !== 201) throw new Error(`creating webhook failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedWebhook;
}

/** A stored event as JSON text parses: exactly what the store holds, no schema in between. */
export interface RawEvent {
  id: string;
  occurred: string;
  received: string;
  event: string;
  resource: Record<string, string>;
  related: Record<string, string>[];
  payload: Record<string, unknown>;
  follows: string | null;
}

const AUDIT_EVENT = /^hookgate\.(webhook\.(created|updated|rotated|enabled|disabled|deleted)|api-key\.)/;

/** Stored event bodies as events, audit events left out (a webhook's creation and changes, keys: the API's, not a request's). */
export function requestEvents(bodies: readonly string[]): RawEvent[] {
  return bodies.map((body) => JSON.parse(body) as RawEvent).filter((event) => !AUDIT_EVENT.test(event.event));
}

/** Every event requests stored (audit events left out), oldest first, read from the SQLite file (not through the events API). */
export function storedEvents(dbFile: string): RawEvent[] {
  return requestEvents(sqliteBodies(dbFile));
}

function ofWebhook(events: RawEvent[], webhook: { id: string }): RawEvent[] {
  const resourceId = `hookgate.webhook.${webhook.id}`;
  return events.filter((event) => event.related.some((related) => related['prefect.resource.id'] === resourceId));
}

/** The stored events that have `webhook` as related resource, oldest first (a SQLite file). */
export function eventsOf(dbFile: string, webhook: { id: string }): RawEvent[] {
  return ofWebhook(storedEvents(dbFile), webhook);
}

/** The same from a test app's database, whichever store it runs on. */
export async function storedEventsOf(app: TestApp, webhook: { id: string }): Promise<RawEvent[]> {
  return ofWebhook(
    (await app.storedBodies()).map((body) => JSON.parse(body) as RawEvent),
    webhook,
  );
}

/** The related resource hookgate adds to every event of a webhook (DESIGN §1). */
export function webhookResource(webhook: { id: string; name: string }): Record<string, string> {
  return {
    'prefect.resource.id': `hookgate.webhook.${webhook.id}`,
    'prefect.resource.role': 'webhook',
    'prefect.resource.name': webhook.name,
  };
}

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

export interface ManifestEntry {
  path: string;
  content_type: string;
  headers: Record<string, string>;
}

/** Every payload of ../shared/fixtures/manifest.json: path, content type, routing headers. */
export function fixtureManifest(): ManifestEntry[] {
  return (JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as { entries: ManifestEntry[] }).entries;
}

/** A provider payload from ../shared/fixtures with the content type and routing headers it is sent with. */
export function providerFixture(path: string): { body: string; contentType: string; headers: Record<string, string> } {
  const entry = fixtureManifest().find((candidate) => candidate.path === path);
  if (!entry) throw new Error(`${path} is not in the fixture manifest`);
  return { body: readFileSync(new URL(path, FIXTURES), 'utf8'), contentType: entry.content_type, headers: entry.headers };
}
