/**
 * The store contract, part 3: filters whose lists are long (each list is one JSON parameter, so a
 * statement stays within SQLite's limits: D1 binds at most 100 parameters and nests expressions
 * at most 100 deep, SQLite 1000), text search beside a payload nested past SQLite's JSON depth
 * limit, and filters that still exceed a limit answered as 422, never as a crash.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/schemas/event';
import { EventFilter } from '../../src/schemas/filter';
import type { Store } from '../../src/store/types';
import { sampleEvent } from './samples';

const WINDOW = { since: '2026-01-01T00:00:00Z', until: '2026-12-31T00:00:00Z' };
const misses = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

/** A payload nested `depth` objects deep: past 1000, SQLite's JSON functions call it malformed. */
export function deepPayload(depth: number): Record<string, unknown> {
  let payload: Record<string, unknown> = { bottom: 'deepest' };
  for (let i = 0; i < depth; i++) payload = { level: payload };
  return payload;
}

export function describeListContract(current: () => Store, sqliteLimits: boolean): void {
  describe('long filter lists and hostile payloads', () => {
    let hit: Event;
    let near: Event;

    /** The store is given lists longer than the API accepts (200 values): its SQL must not care. */
    const filterOf = (raw: Record<string, unknown>) => ({ ...EventFilter.parse({ occurred: WINDOW }), ...raw }) as EventFilter;

    async function matching(raw: Record<string, unknown>): Promise<string[]> {
      const page = await current().queryEvents(filterOf(raw), { limit: 50, offset: 0 });
      const ids = page.events.map((event) => event.id).sort();
      expect(page.total, JSON.stringify(raw).slice(0, 200)).toBe(ids.length);
      return ids;
    }

    /** How many events match, counted without reading one back. */
    async function total(raw: Record<string, unknown>): Promise<number> {
      return (await current().queryEvents(filterOf(raw), { limit: 0, offset: 0 })).total;
    }

    async function seed(): Promise<void> {
      hit = sampleEvent({
        event: 'lists.hit.created',
        resource: { 'prefect.resource.id': 'lists.res.hit', env: 'env-1199', 'prefect.resource.name': 'Needle' },
        related: [{ 'prefect.resource.id': 'lists.rel.hit', 'prefect.resource.role': 'owner', tier: 'gold' }],
        payload: { note: 'haystack needle' },
      });
      near = sampleEvent({
        event: 'lists.near.created',
        resource: { 'prefect.resource.id': 'lists.res.near', env: 'prod' },
        related: [{ 'prefect.resource.id': 'lists.rel.near', 'prefect.resource.role': 'owner', tier: 'silver' }],
        payload: { note: 'haystack only' },
      });
      await current().writeEvents([hit, near]);
    }

    it('filters by 1,500 event prefixes, 1,500 excluded prefixes and 1,500 names', async () => {
      await seed();
      expect(await matching({ event: { prefix: [...misses(1499, (i) => `nope.${i}.`), 'lists.hit.'] } })).toEqual([hit.id]);
      expect(
        await matching({ event: { prefix: ['lists.'], exclude_prefix: [...misses(1499, (i) => `n.${i}`), 'lists.near'] } }),
      ).toEqual([hit.id]);
      expect(await matching({ event: { name: [...misses(1499, (i) => `nope.${i}`), 'lists.near.created'] } })).toEqual([near.id]);
    });

    it('filters by 1,200 label values: literals, globs and negations', async () => {
      await seed();
      const values = misses(1200, (i) => `env-${i}`);
      expect(await matching({ resource: { labels: { env: values } } })).toEqual([hit.id]);
      expect(await matching({ resource: { labels: { env: values.map((v) => `${v}*`) } } })).toEqual([hit.id]);
      expect(await matching({ resource: { labels: { env: [...misses(1199, (i) => `!env-${i}`), 'prod'] } } })).toEqual(
        [hit.id, near.id].sort(),
      );
      const ids = [...misses(1199, (i) => `lists.res.${i}*`), 'lists.res.h?t'];
      expect(await matching({ resource: { labels: { 'prefect.resource.id': ids } } })).toEqual([hit.id]);
      expect(await matching({ related: { labels: { tier: [...misses(1199, (i) => `t${i}`), 'gold'] } } })).toEqual([hit.id]);
    });

    it('filters by 1,500 resource ids, id prefixes and [id, role] pairs', async () => {
      await seed();
      expect(await matching({ resource: { id_prefix: [...misses(1499, (i) => `x.${i}`), 'lists.res.ne'] } })).toEqual([near.id]);
      expect(await matching({ any_resource: { id_prefix: [...misses(1499, (i) => `x.${i}`), 'lists.rel.h'] } })).toEqual([
        hit.id,
      ]);
      expect(await matching({ related: { id: [...misses(1499, (i) => `x.${i}`), 'lists.rel.near'] } })).toEqual([near.id]);
      const pairs = [...Array.from({ length: 1499 }, (_, i) => [`x.${i}`, 'owner']), ['lists.rel.hit', 'owner']];
      expect(await matching({ related: { resources_in_roles: pairs } })).toEqual([hit.id]);
    });

    it('searches text for 60 terms: any of them, none of the excluded, all of the required', async () => {
      await seed();
      // 60 terms within the 200 characters a query may have; none of j, q, x, z occurs in the events.
      const absent = misses(58, (i) => `${'jqxz'[i % 4]}${'jqxz'[(i >> 2) % 4]}`);
      const queries: [string[], string[]][] = [
        [
          [...absent, 'only', 'needle'],
          [hit.id, near.id],
        ],
        [[...absent, 'jj', 'needle'], [hit.id]],
        [['haystack', ...absent.map(() => '-j'), '-needle'], [near.id]],
        [['+haystack', '+needle', ...absent.map(() => '-j')], [hit.id]],
        [misses(60, (i) => (i % 2 ? '+e' : '+o')), [hit.id, near.id]],
        [misses(60, (i) => (i % 2 ? '+e' : '+j')), []],
      ];
      for (const [terms, expected] of queries) {
        const query = terms.join(' ');
        expect([terms.length, query.length <= 200]).toEqual([60, true]);
        expect(await matching({ text: { query } }), query).toEqual(expected.sort());
      }
    });

    it('keeps text search working beside a payload nested 1,100 deep', async () => {
      await seed();
      // Past SQLite's JSON depth limit (1000); the API refuses such payloads, older rows may hold them.
      const deep = sampleEvent({ event: 'lists.deep.created', payload: deepPayload(1100) });
      await current().writeEvents([deep]);
      expect(await matching({ text: { query: 'needle' } })).toEqual([hit.id]);
      expect(await matching({ text: { query: '-needle +haystack' } })).toEqual([near.id]);
      // Its name and labels are still searched; its payload cannot be on SQLite. Counted, not read
      // back (the event schema refuses such a payload on the way out too).
      expect(await total({ text: { query: 'lists.deep' } })).toBe(1);
      expect(await total({ text: { query: 'deepest' } })).toBe(sqliteLimits ? 0 : 1);
      expect(await total({ text: { query: '-needle' }, event: { prefix: ['lists.'] } })).toBe(2);
    });

    it('answers a filter that still exceeds a SQLite limit with 422 filter-too-large', async () => {
      await seed();
      // Past SQLite's GLOB pattern limit (50,000 bytes).
      const filter = EventFilter.parse({ occurred: WINDOW, resource: { labels: { env: `${'x'.repeat(60_000)}*` } } });
      await expect(current().queryEvents(filter, { limit: 10, offset: 0 })).rejects.toMatchObject({
        status: 422,
        code: 'filter-too-large',
      });
    });
  });
}
