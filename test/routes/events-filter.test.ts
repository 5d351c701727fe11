/** `POST /api/events/filter` semantics, one rule per test, on four small events. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { type Page, postEvents, postFilter } from './prefect-harness';

const occurred = { since: '2026-03-27T00:00:00Z', until: '2026-03-27T23:59:59Z' };
const id = (n: number) => `b0000000-0000-4000-8000-00000000000${n}`;

const EVENTS = [
  {
    id: id(1),
    occurred: '2026-03-27T10:00:01Z',
    event: 'shop.order.created',
    resource: { 'prefect.resource.id': 'shop.order.1', env: 'prod', path: 'a[1]b' },
    related: [
      { 'prefect.resource.id': 'user.1', 'prefect.resource.role': 'customer', tier: 'gold' },
      { 'prefect.resource.id': 'team.1', 'prefect.resource.role': 'owner', tier: 'silver' },
    ],
  },
  {
    id: id(2),
    occurred: '2026-03-27T10:00:02Z',
    event: 'shop.order.paid',
    resource: { 'prefect.resource.id': 'shop.order.2', env: 'staging', path: 'a1b', 'odd "key\\': 'v', 'dotted.key': 'd' },
    related: [
      { 'prefect.resource.id': 'user.1', 'prefect.resource.role': 'owner', tier: 'silver' },
      { 'prefect.resource.id': 'team.1', 'prefect.resource.role': 'customer', tier: 'gold' },
    ],
  },
  { id: id(3), occurred: '2026-03-27T10:00:03Z', event: 'shop_order.odd', resource: { 'prefect.resource.id': 'shop.order.3' } },
  {
    id: id(4),
    occurred: '2026-03-27T10:00:03Z',
    event: 'ship.x',
    resource: { 'prefect.resource.id': 'SHOP.order.4', env: 'PROD' },
    payload: { note: 'Urgent Delivery' },
  },
];

describe('events filter semantics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = createTestApp();
    await postEvents(t, EVENTS);
  });
  afterAll(() => t.close());

  async function matches(filter: Record<string, unknown>): Promise<string[]> {
    const response = await postFilter(t, { filter: { occurred, ...filter } });
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as Page;
    return page.events.map((event) => event.id).sort();
  }

  it('label globs: `*` any run, `?` one character, everything else literal (even `[`)', async () => {
    expect(await matches({ resource: { labels: { env: 'pr*' } } })).toEqual([id(1)]);
    expect(await matches({ resource: { labels: { env: 'pro?' } } })).toEqual([id(1)]);
    expect(await matches({ resource: { labels: { env: '*' } } })).toEqual([id(1), id(2), id(4)]);
    expect(await matches({ resource: { labels: { path: 'a[1]b' } } })).toEqual([id(1)]);
    expect(await matches({ resource: { labels: { path: 'a?b' } } })).toEqual([id(2)]);
    expect(await matches({ resource: { labels: { 'prefect.resource.id': 'shop.order.?' } } })).toEqual([id(1), id(2), id(3)]);
  });

  it('label keys are taken literally, dots, quotes and backslashes included', async () => {
    expect(await matches({ resource: { labels: { 'odd "key\\': 'v' } } })).toEqual([id(2)]);
    expect(await matches({ resource: { labels: { 'dotted.key': 'd', 'odd "key': 'v' } } })).toEqual([]);
    expect(await matches({ resource: { labels: { 'dotted.key': 'd' } } })).toEqual([id(2)]);
  });

  it('matching is case-sensitive for labels, ids and prefixes', async () => {
    expect(await matches({ resource: { labels: { env: 'prod' } } })).toEqual([id(1)]);
    expect(await matches({ resource: { labels: { env: 'PR*' } } })).toEqual([id(4)]);
    expect(await matches({ resource: { id_prefix: ['shop.'] } })).toEqual([id(1), id(2), id(3)]);
    expect(await matches({ event: { prefix: ['SHOP'] } })).toEqual([]);
  });

  it('prefixes are literal: `_` and `%` are not wildcards', async () => {
    expect(await matches({ event: { prefix: ['shop_'] } })).toEqual([id(3)]);
    expect(await matches({ event: { prefix: ['shop%'] } })).toEqual([]);
  });

  it('`!` negates, and a resource without the label never matches a negation', async () => {
    expect(await matches({ resource: { labels: { env: '!prod' } } })).toEqual([id(2), id(4)]);
    expect(await matches({ resource: { labels: { env: '!pr*' } } })).toEqual([id(2), id(4)]);
  });

  it('an empty list of label values matches nothing; an empty id list adds nothing', async () => {
    expect(await matches({ resource: { labels: { env: [] } } })).toEqual([]);
    expect(await matches({ resource: { id: [] }, event: { name: [] } })).toHaveLength(4);
  });

  it('all criteria of one related filter hold on the same related resource', async () => {
    expect(await matches({ related: { id: ['user.1'], role: ['customer'] } })).toEqual([id(1)]);
    expect(await matches({ related: { labels: { 'prefect.resource.id': 'user.1', tier: 'gold' } } })).toEqual([id(1)]);
    expect(await matches({ related: { labels: { 'prefect.resource.role': 'customer', tier: 'gold' } } })).toEqual([id(1), id(2)]);
  });

  it('a list of related filters is ANDed, each on any related resource', async () => {
    expect(await matches({ related: [{ id: ['user.1'] }, { role: ['customer'] }] })).toEqual([id(1), id(2)]);
    expect(await matches({ related: [{ id: ['user.1'] }, { id: ['nobody'] }] })).toEqual([]);
  });

  it('related never matches the primary resource; any_resource does', async () => {
    expect(await matches({ related: { id: ['shop.order.1'] } })).toEqual([]);
    expect(await matches({ any_resource: { id: ['shop.order.1', 'team.1'] } })).toEqual([id(1), id(2)]);
  });

  it('text search: case-insensitive, over values and payload keys, never label keys', async () => {
    expect(await matches({ text: { query: 'URGENT' } })).toEqual([id(4)]);
    expect(await matches({ text: { query: 'note' } })).toEqual([id(4)]);
    expect(await matches({ text: { query: 'env' } })).toEqual([]);
    expect(await matches({ text: { query: 'shop -paid -odd' } })).toEqual([id(1), id(4)]);
  });

  it('a list of values matches as its values one by one, ORed (prefixes, globs, negations, pairs)', async () => {
    expect(await matches({ event: { prefix: ['shop.', 'ship.'] } })).toEqual([id(1), id(2), id(4)]);
    expect(await matches({ event: { exclude_prefix: ['shop.', 'ship'] } })).toEqual([id(3)]);
    expect(await matches({ resource: { id_prefix: ['shop.order.1', 'SHOP.'] } })).toEqual([id(1), id(4)]);
    expect(await matches({ any_resource: { id_prefix: ['user.', 'nobody.'] } })).toEqual([id(1), id(2)]);
    expect(await matches({ resource: { labels: { env: ['staging', 'PR*'] } } })).toEqual([id(2), id(4)]);
    expect(await matches({ resource: { labels: { path: ['a[1]b', 'a?b'] } } })).toEqual([id(1), id(2)]);
    expect(await matches({ resource: { labels: { env: ['!prod', '!staging'] } } })).toEqual([id(1), id(2), id(4)]);
    expect(await matches({ resource: { labels: { env: ['!pr*', 'prod'] } } })).toEqual([id(1), id(2), id(4)]);
    expect(await matches({ resource: { labels: { 'prefect.resource.id': ['shop.order.?', 'SHOP.*'] } } })).toHaveLength(4);
    expect(await matches({ related: { labels: { 'prefect.resource.id': ['user.*', 'team.?'], tier: ['gold', 'x*'] } } })).toEqual(
      [id(1), id(2)],
    );
    const pairs = [
      ['user.1', 'customer'],
      ['team.1', 'nobody'],
    ];
    expect(await matches({ related: { resources_in_roles: pairs } })).toEqual([id(1)]);
    expect(await matches({ text: { query: 'urgent order.1 -nothing -paid' } })).toEqual([id(1), id(4)]);
    expect(await matches({ text: { query: '+shop +order +"order.2"' } })).toEqual([id(2)]);
  });

  it('refuses lists of more than 200 values with 422, however long (never a 500)', async () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`);
    for (const filter of [
      { event: { prefix: many(201) } },
      { event: { exclude_prefix: many(1500) } },
      { resource: { labels: { env: many(201) } } },
      { resource: { labels: Object.fromEntries(many(201).map((key) => [key, 'x'])) } },
      { related: { resources_in_roles: many(201).map((v) => [v, 'owner']) } },
      { related: many(201).map((v) => ({ id: [v] })) },
      { any_resource: { id_prefix: many(1500) } },
    ]) {
      const response = await postFilter(t, { filter: { occurred, ...filter } });
      expect(response.status, JSON.stringify(filter).slice(0, 80)).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('validation-failed');
    }
    expect(await matches({ event: { prefix: [...many(199), 'shop.'] } })).toEqual([id(1), id(2)]);
  });

  it('answers a filter past a SQLite limit with 422 filter-too-large', async () => {
    const response = await postFilter(t, { filter: { occurred, resource: { labels: { env: `${'x'.repeat(60_000)}*` } } } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'filter-too-large', status: 422 });
  });

  it('orders by occurred (DESC by default), ties in a stable order across pages', async () => {
    const pages: string[] = [];
    let response = await postFilter(t, { filter: { occurred }, limit: 1 });
    for (;;) {
      const page = (await response.json()) as Page;
      expect(page.total).toBe(4);
      pages.push(...page.events.map((event) => event.id));
      if (!page.next_page) break;
      response = await t.api(new URL(page.next_page).pathname + new URL(page.next_page).search);
    }
    expect(pages.slice(2)).toEqual([id(2), id(1)]);
    expect(new Set(pages.slice(0, 2))).toEqual(new Set([id(3), id(4)]));
    const ascending = (await (await postFilter(t, { filter: { occurred, order: 'ASC' } })).json()) as Page;
    expect(ascending.events.map((event) => event.id)).toEqual([...pages].reverse());
  });

  it('resource.distinct keeps the latest event per primary resource', async () => {
    await postEvents(t, [{ ...EVENTS[0], id: id(5), occurred: '2026-03-27T09:00:00Z' }]);
    expect(await matches({ resource: { distinct: true, id: ['shop.order.1'] } })).toEqual([id(1)]);
  });
});
