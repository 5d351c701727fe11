/** `POST /api/events/count-by/{day|time|event|resource}`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { postEvents } from './prefect-harness';

const occurred = { since: '2026-03-16T00:00:00Z', until: '2026-03-16T03:59:59.999999Z' };
const EVENTS = [
  ['00:10:00', 'deploy.started', 'svc.a', 'Service A (old name)'],
  ['00:20:00', 'deploy.finished', 'svc.a', 'Service A'],
  ['02:30:00', 'deploy.started', 'svc.b', undefined],
  ['02:40:00', 'deploy.started', 'svc.b', undefined],
].map(([time, event, resource, name], i) => ({
  id: `d1000000-0000-4000-8000-00000000000${i}`,
  occurred: `2026-03-16T${time}Z`,
  event,
  resource: { 'prefect.resource.id': resource, ...(name ? { 'prefect.resource.name': name } : {}) },
}));

interface Count {
  value: string;
  label: string;
  count: number;
  start_time: string;
  end_time: string;
}

describe('events count-by', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = createTestApp();
    await postEvents(t, EVENTS);
  });
  afterAll(() => t.close());

  const countBy = (countable: string, body: unknown) =>
    t.api(`/api/events/count-by/${countable}`, { method: 'POST', json: body });

  async function counts(countable: string, body: Record<string, unknown>): Promise<Count[]> {
    const response = await countBy(countable, { filter: { occurred }, ...body });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Count[];
  }

  it('buckets by time from the pivot, back-filling empty buckets with 0', async () => {
    const hours = await counts('time', { time_unit: 'hour', time_interval: 1 });
    expect(hours.map((bucket) => [bucket.value, bucket.label, bucket.count])).toEqual([
      ['0', '2026-03-16T00:00:00+00:00', 2],
      ['1', '2026-03-16T01:00:00+00:00', 0],
      ['2', '2026-03-16T02:00:00+00:00', 2],
      ['3', '2026-03-16T03:00:00+00:00', 0],
    ]);
    expect(hours[1]).toMatchObject({ start_time: '2026-03-16T01:00:00Z', end_time: '2026-03-16T01:59:59.999999Z' });
  });

  it('counts by day (legacy) as time by one day', async () => {
    expect((await counts('day', {})).map((bucket) => [bucket.label, bucket.count])).toEqual([['2026-03-16T00:00:00+00:00', 4]]);
  });

  it('counts by event name: count descending, then name, with first and last occurrence', async () => {
    expect(await counts('event', {})).toEqual([
      {
        value: 'deploy.started',
        label: 'deploy.started',
        count: 3,
        start_time: '2026-03-16T00:10:00Z',
        end_time: '2026-03-16T02:40:00Z',
      },
      {
        value: 'deploy.finished',
        label: 'deploy.finished',
        count: 1,
        start_time: '2026-03-16T00:20:00Z',
        end_time: '2026-03-16T00:20:00Z',
      },
    ]);
  });

  it('counts by primary resource, labelled with its latest name, else its id', async () => {
    expect((await counts('resource', {})).map((row) => [row.value, row.label, row.count])).toEqual([
      ['svc.a', 'Service A', 2],
      ['svc.b', 'svc.b', 2],
    ]);
  });

  it('applies the whole filter', async () => {
    const filtered = await counts('event', { filter: { occurred, resource: { id: ['svc.b'] } } });
    expect(filtered.map((row) => [row.value, row.count])).toEqual([['deploy.started', 2]]);
  });

  it('answers 422 for too many buckets, a tiny interval, an unknown unit or countable, a missing filter', async () => {
    const week = { since: '2026-03-01T00:00:00Z', until: '2026-03-08T00:00:00Z' };
    const tooMany = await countBy('time', { filter: { occurred: week }, time_unit: 'minute' });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('The given interval would create 10080 buckets, which is too many.');
    const cases: [string, unknown][] = [
      ['time', { filter: { occurred }, time_interval: 0.001 }],
      ['time', { filter: { occurred }, time_unit: 'fortnight' }],
      ['colour', { filter: { occurred } }],
      ['event', {}],
    ];
    for (const [countable, body] of cases) expect((await countBy(countable, body)).status, JSON.stringify(body)).toBe(422);
  });
});
