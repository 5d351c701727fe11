/**
 * The conformance suites' harness: a fresh app (its own SQLite file) per case — the same CloudEvent
 * (source + id) is one event, so cases that share ids must not share a store — a `cloudevents`
 * webhook, requests through `app.request`, and the events the mapping rules of DESIGN §3.3 predict.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { isUuid, URL_NAMESPACE, uuidv5 } from '../../src/lib/ids';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf, type RawEvent, webhookResource } from '../helpers/hooks';

const FIXTURES = new URL('../../../shared/fixtures/cloudevents/', import.meta.url);
/** The clock of the app under test: an event without `time` occurs when it is received. */
export const NOW = '2026-03-27T12:00:00Z';

export function fixtureText(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

export function fixtureJson<T>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

export interface Hook {
  id: string;
  name: string;
  slug: string;
}

export interface CeApp {
  app: TestApp;
  hook: Hook;
  send(init: { headers?: HeadersInit; body?: BodyInit | null; method?: string }): Promise<Response>;
  /** The events stored for the webhook, oldest first, as the store holds them. */
  stored(): RawEvent[];
  close(): Promise<void>;
}

export async function createCeApp(mapping: Record<string, unknown> = { kind: 'cloudevents' }): Promise<CeApp> {
  const app = createTestApp({ now: () => Date.parse(NOW) });
  const response = await app.api('/api/webhooks', { method: 'POST', json: { name: 'cloudevents', mapping } });
  expect(response.status).toBe(201);
  const hook = (await response.json()) as Hook;
  return {
    app,
    hook,
    send: ({ method = 'POST', ...init }) => Promise.resolve(app.app.request(`/hooks/${hook.slug}`, { method, ...init })),
    stored: () => eventsOf(app.dbFile, hook),
    close: () => app.close(),
  };
}

/** Runs `body` against a fresh app, closing it afterwards. */
export async function withCeApp(body: (ce: CeApp) => Promise<void>): Promise<void> {
  const ce = await createCeApp();
  try {
    await body(ce);
  } finally {
    await ce.close();
  }
}

/** What DESIGN §3.3 says a CloudEvent's id becomes: itself when a UUID, else UUIDv5(URL namespace, "<source> <id>"). */
export function expectedId(source: string, id: string): string {
  return isUuid(id) ? id.toLowerCase() : uuidv5(URL_NAMESPACE, `${source} ${id}`);
}

export interface ExpectedCloudEvent {
  /** Every attribute and extension as the event carries them (`payload.cloudevents`). */
  attributes: Record<string, unknown>;
  /** `{data}`, `{data_base64}` or `{}`. */
  data: Record<string, unknown>;
  /** The instant of `time` in hookgate's canonical form, when it has one. */
  occurred?: string;
}

/** The stored event a CloudEvent becomes, by the mapping rules. */
export function expectedEvent(hook: Hook, expected: ExpectedCloudEvent): Omit<RawEvent, 'received'> {
  const { id, source, type, subject } = expected.attributes as Record<string, string>;
  return {
    id: expectedId(source ?? '', id ?? ''),
    occurred: expected.occurred ?? NOW,
    event: type ?? '',
    resource: { 'prefect.resource.id': subject ?? source ?? '' },
    related: [webhookResource(hook)],
    payload: { ...expected.data, cloudevents: expected.attributes },
    follows: null,
  };
}

/** The response is 204 and exactly these events were stored for the webhook, in order. */
export async function expectEvents(ce: CeApp, response: Response, expected: ExpectedCloudEvent[]): Promise<void> {
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 204, body: '' });
  const stored = ce.stored().map(({ received, ...event }) => {
    expect(received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/);
    return event;
  });
  expect(stored).toEqual(expected.map((event) => expectedEvent(ce.hook, event)));
}

export interface Problem {
  code: string;
  detail: string;
  status: number;
  attribute?: string;
}

/**
 * The response is 400 `invalid-cloudevent` whose detail names `label` (e.g. `time`, `[1].specversion`,
 * `ce-id`), and the only event stored is the `hookgate.webhook.failed` that records it.
 */
export async function expectInvalid(ce: CeApp, response: Response, label: string): Promise<Problem> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  expect(problem).toMatchObject({ status: 400, code: 'invalid-cloudevent' });
  expect(problem.detail.startsWith(label) || problem.detail.includes(` ${label} `), problem.detail).toBe(true);
  const stored = ce.stored();
  expect(stored.map((event) => event.event)).toEqual(['hookgate.webhook.failed']);
  expect(stored[0]?.payload.error).toMatchObject({ code: 'invalid-cloudevent', detail: problem.detail });
  return problem;
}
