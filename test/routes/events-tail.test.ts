/** `POST /api/events/tail`: follow new events in arrival order, whatever their `occurred`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { postEvents } from './prefect-harness';

interface Tail {
  events: { id: string; event: string; occurred: string }[];
  cursor: string;
}

const id = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const event = (n: number, occurred: string, name = 'tail.test') => ({
  id: id(n),
  occurred,
  event: name,
  resource: { 'prefect.resource.id': `tail.${n}` },
});

describe('POST /api/events/tail', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function tail(body?: unknown): Promise<Tail> {
    const response = await t.api('/api/events/tail', body === undefined ? { method: 'POST' } : { method: 'POST', json: body });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Tail;
  }

  it('starts from now, then returns what arrives in arrival order, older `occurred` included', async () => {
    await postEvents(t, [event(1, '2026-03-27T10:00:00Z')]);
    const start = await tail();
    expect(start.events).toEqual([]);
    await postEvents(t, [event(2, '2026-03-27T12:00:00Z')]);
    // A provider's own, older timestamp: a feed following `occurred` would never show it.
    await postEvents(t, [event(3, '2020-01-01T00:00:00Z')]);
    const next = await tail({ after: start.cursor });
    expect(next.events.map((e) => e.id)).toEqual([id(2), id(3)]);
    expect(await tail({ after: next.cursor })).toEqual({ events: [], cursor: next.cursor });
  });

  it('applies the filter as given (no default window) and the limit', async () => {
    const { cursor } = await tail({});
    await postEvents(t, [
      event(1, '1999-01-01T00:00:00Z', 'tail.keep'),
      event(2, '2026-03-27T10:00:00Z', 'tail.drop'),
      event(3, '2026-03-27T10:00:00Z', 'tail.keep'),
      event(4, '2026-03-27T10:00:00Z', 'tail.keep'),
    ]);
    const first = await tail({ filter: { event: { prefix: ['tail.k'] } }, after: cursor, limit: 2 });
    expect(first.events.map((e) => e.id)).toEqual([id(1), id(3)]);
    const second = await tail({ filter: { event: { prefix: ['tail.k'] } }, after: first.cursor, limit: 2 });
    expect(second.events.map((e) => e.id)).toEqual([id(4)]);
    const windowed = await tail({ filter: { occurred: { since: '2026-01-01T00:00:00Z' } }, after: cursor });
    expect(windowed.events.map((e) => e.id)).toEqual([id(2), id(3), id(4)]);
  });

  it('answers 422 for a bad body or a cursor it did not hand out', async () => {
    for (const body of [{ limit: 0 }, { limit: 201 }, { after: 5 }, { filter: { nope: 1 } }, { after: 'not-a-cursor' }]) {
      const response = await t.api('/api/events/tail', { method: 'POST', json: body });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    const response = await t.api('/api/events/tail', { method: 'POST', json: { after: 'not-a-cursor' } });
    expect(((await response.json()) as { code: string }).code).toBe('invalid-cursor');
  });

  it('is behind the admin token', async () => {
    expect((await t.app.request('/api/events/tail', { method: 'POST' })).status).toBe(401);
  });
});
