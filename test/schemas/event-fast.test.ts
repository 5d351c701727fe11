/**
 * The hand-written event check accepts exactly what the zod schema accepts and returns the same
 * event (same JSON, same key order); what it does not accept, zod rejects (and explains).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/schemas/event';
import { checkEvent, type EventFields } from '../../src/schemas/event-fast';
import { rememberParsed } from '../../src/schemas/json';

const cases = JSON.parse(
  readFileSync(new URL('../../../shared/fixtures/prefect-filters/cases.json', import.meta.url), 'utf8'),
) as {
  events: Record<string, unknown>[];
  relative: { events: Record<string, unknown>[] };
};

const ID = '0190b000-0000-4000-8000-00000000be0c';
const valid: EventFields = {
  occurred: '2026-03-27T02:30:00.5+02:30',
  event: 'github.push',
  resource: { 'prefect.resource.id': 'github.repository.a/b', 'github.url': 'https://x' },
  related: [{ 'prefect.resource.id': 'hookgate.webhook.1', 'prefect.resource.role': 'webhook' }],
  payload: { body: { nested: [1, { deep: true }] } },
  id: ID.toUpperCase(),
  follows: undefined,
};

function nest(levels: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Both verdicts: the same event when the check accepts; zod rejects whenever the check leaves it to zod. */
function agree(fields: EventFields): 'accepted' | 'rejected' | 'zod accepts' {
  const fast = checkEvent(fields);
  const zod = Event.safeParse(fields);
  if (fast) {
    expect(zod.success).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    return 'accepted';
  }
  return zod.success ? 'zod accepts' : 'rejected';
}

describe('hand-written event check', () => {
  it('accepts the Prefect fixture events as zod does, with the same output', () => {
    const events = [...cases.events, ...cases.relative.events];
    expect(events.length).toBeGreaterThan(100);
    for (const event of events) {
      const fields = { related: [], payload: {}, follows: undefined, ...event } as unknown as EventFields;
      expect(agree(fields), JSON.stringify(event).slice(0, 200)).toBe(Event.safeParse(fields).success ? 'accepted' : 'rejected');
    }
  });

  it('normalises like the schema: timestamp to UTC with microseconds, ids lower-case, follows null', () => {
    expect(agree(valid)).toBe('accepted');
    expect(checkEvent(valid)).toMatchObject({ occurred: '2026-03-27T00:00:00.500000Z', id: ID, follows: null });
    expect(checkEvent({ ...valid, follows: ID.toUpperCase() })?.follows).toBe(ID);
    expect(agree({ ...valid, follows: null })).toBe('accepted');
  });

  it.each<[string, Partial<EventFields>]>([
    ['no timestamp', { occurred: undefined }],
    ['a timestamp without zone', { occurred: '2026-03-27T00:00:00' }],
    ['a number as timestamp', { occurred: 1774569600 }],
    ['a year past 2200', { occurred: '2201-01-01T00:00:00Z' }],
    ['no event name', { event: undefined }],
    ['an empty event name', { event: '' }],
    ['an event name too long', { event: 'x'.repeat(1025) }],
    ['a number as event name', { event: 12 }],
    ['no resource', { resource: undefined }],
    ['a resource without id', { resource: { 'prefect.resource.name': 'x' } }],
    ['a resource with an empty id', { resource: { 'prefect.resource.id': '' } }],
    ['a number label', { resource: { 'prefect.resource.id': 'a', n: 1 } }],
    ['an array resource', { resource: [] }],
    [
      'too many labels',
      { resource: Object.fromEntries([['prefect.resource.id', 'a'], ...Array.from({ length: 500 }, (_, i) => [`k${i}`, 'v'])]) },
    ],
    ['related not an array', { related: { 'prefect.resource.id': 'a' } }],
    ['related without role', { related: [{ 'prefect.resource.id': 'a' }] }],
    ['related with an empty role', { related: [{ 'prefect.resource.id': 'a', 'prefect.resource.role': '' }] }],
    ['related with a hole', { related: [undefined] }],
    [
      'too many related',
      { related: Array.from({ length: 101 }, () => ({ 'prefect.resource.id': 'a', 'prefect.resource.role': 'r' })) },
    ],
    ['a payload array', { payload: [] }],
    ['a payload string', { payload: 'x' }],
    ['a payload nesting 100 levels', { payload: nest(100) }],
    ['an id that is no UUID', { id: 'abc' }],
    ['a number id', { id: 12 }],
    ['a follows that is no UUID', { follows: 'abc' }],
  ])('rejects %s as zod does', (_why, change) => {
    expect(agree({ ...valid, ...change })).toBe('rejected');
  });

  it.each<[string, Partial<EventFields>]>([
    [
      '500 labels',
      { resource: Object.fromEntries([['prefect.resource.id', 'a'], ...Array.from({ length: 499 }, (_, i) => [`k${i}`, 'v'])]) },
    ],
    [
      '100 related',
      { related: Array.from({ length: 100 }, () => ({ 'prefect.resource.id': 'a', 'prefect.resource.role': 'r' })) },
    ],
    ['a payload nesting 99 levels', { payload: nest(99) }],
    ['a 1024-character name', { event: 'x'.repeat(1024) }],
    ['a __proto__ label', { resource: JSON.parse('{"prefect.resource.id": "a", "__proto__": "x"}') }],
    ['a __proto__ payload key', { payload: JSON.parse('{"__proto__": {"polluted": true}}') }],
  ])('accepts %s as zod does', (_why, change) => {
    expect(agree({ ...valid, ...change })).toBe('accepted');
  });

  it('checks the depth of a payload holding a parsed body by the height remembered at parse time', () => {
    const body = nest(98) as object;
    rememberParsed(body, 98, 1000);
    expect(agree({ ...valid, payload: { body } })).toBe('accepted');
    expect(agree({ ...valid, payload: { a: { body } } })).toBe('rejected');
  });
});
