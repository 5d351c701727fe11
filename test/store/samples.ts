/** Sample events, webhooks and sinks for store tests: each call a new id (and slug). */
import type { Event } from '../../src/schemas/event';
import type { Sink } from '../../src/schemas/sink';
import type { Webhook } from '../../src/schemas/webhook';

let counter = 0;

export function sampleEvent(overrides: Partial<Event> = {}): Event {
  counter += 1;
  const n = counter.toString(16).padStart(12, '0');
  return {
    id: `0190a000-0000-7000-8000-${n}`,
    occurred: '2026-03-01T10:00:00.123456Z',
    event: 'test.thing.happened',
    resource: { 'prefect.resource.id': `thing.${counter}`, 'prefect.resource.name': 'Thing' },
    related: [{ 'prefect.resource.id': 'owner.1', 'prefect.resource.role': 'owner' }],
    payload: { n: counter, nested: { list: [1, 'two', null] } },
    follows: null,
    ...overrides,
  };
}

export function sampleWebhook(overrides: Partial<Webhook> = {}): Webhook {
  counter += 1;
  return {
    id: `0190b000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    name: `hook ${counter}`,
    description: '',
    enabled: true,
    slug: `slug-${counter}-abcdefghijklmnop`,
    mapping: { kind: 'static', event: { event: 'x', resource: { 'prefect.resource.id': 'y' } } },
    verify: { scheme: 'none' },
    idFrom: null,
    rateLimit: null,
    created: '2026-03-01T10:00:00Z',
    updated: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

export function sampleSink(overrides: Partial<Sink> = {}): Sink {
  counter += 1;
  return {
    id: `0190c000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    name: `sink-${counter}`,
    enabled: true,
    origin: 'api',
    target: { kind: 'http', url: 'http://127.0.0.1:9/events' },
    filter: null,
    batchSize: 100,
    created: '2026-03-01T10:00:00Z',
    updated: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}
