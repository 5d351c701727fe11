/**
 * The feed's filters as URL query parameters, so a filtered view can be shared: parsed leniently
 * (a bad value falls back to its default) and turned into a Prefect `EventFilter` through the same
 * schema the events API validates with.
 */
import { z } from 'zod';
import { formatTimestamp, microsFromMillis, parseTimestamp } from '../lib/time';
import { EventFilter, MAX_TEXT_QUERY_CHARS, type ResolvedEventFilter, resolveFilter } from '../schemas/filter';
import { fromLocalInput } from './zone';

export const RANGES = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

const Text = (max: number) => z.string().trim().max(max).catch('').default('');

export const FeedQuery = z.object({
  event: Text(1024),
  /** `prefix`: names starting with `event`; `name`: exactly `event`. */
  event_match: z.enum(['prefix', 'name']).catch('prefix').default('prefix'),
  resource: Text(1024),
  resource_match: z.enum(['prefix', 'id']).catch('prefix').default('prefix'),
  /** A related resource's id (what clicking a chip sets). */
  related: Text(1024),
  q: Text(MAX_TEXT_QUERY_CHARS),
  range: z.enum(['hour', 'day', 'week', 'custom']).catch('day').default('day'),
  /** Custom range bounds: `datetime-local` values in the reader's zone, or RFC 3339. */
  since: Text(40),
  until: Text(40),
  live: z.enum(['1', '']).catch('').default(''),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

const DEFAULTS = FeedQuery.parse({});

export function parseFeedQuery(params: Record<string, string | undefined>): FeedQuery {
  return FeedQuery.parse(params);
}

/** The query string of a feed view (defaults left out), with `changes` applied. */
export function feedSearch(query: FeedQuery, changes: Partial<FeedQuery> = {}): string {
  const merged: FeedQuery = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as (keyof FeedQuery)[]) {
    const value = merged[key];
    if (value !== DEFAULTS[key]) params.set(key, value);
  }
  if (merged.range !== 'custom') {
    params.delete('since');
    params.delete('until');
  }
  if (!merged.event) params.delete('event_match');
  if (!merged.resource) params.delete('resource_match');
  const text = params.toString();
  return text ? `?${text}` : '';
}

function instant(value: string, zone: string): number | undefined {
  if (!value) return undefined;
  const micros = parseTimestamp(value);
  return micros !== undefined ? Math.floor(micros / 1000) : fromLocalInput(value, zone);
}

export interface Window {
  sinceMs: number;
  untilMs: number;
  /** Set when a custom bound could not be read (the view falls back to the last day). */
  problem?: string;
}

/** The time window a query covers at `nowMs`. */
export function feedWindow(query: FeedQuery, nowMs: number, zone: string): Window {
  if (query.range !== 'custom') return { sinceMs: nowMs - RANGES[query.range], untilMs: nowMs };
  const since = instant(query.since, zone);
  const until = query.until ? instant(query.until, zone) : nowMs;
  if (since === undefined || until === undefined || since >= until) {
    return {
      sinceMs: nowMs - RANGES.day,
      untilMs: nowMs,
      problem: 'The custom range needs a start before its end; showing the last day.',
    };
  }
  return { sinceMs: since, untilMs: until };
}

/** The events API's filter for a feed view, resolved as the API resolves it. */
export function feedFilter(query: FeedQuery, window: Window, nowMs: number): ResolvedEventFilter {
  const filter = EventFilter.parse({
    occurred: {
      since: formatTimestamp(microsFromMillis(window.sinceMs)),
      until: formatTimestamp(microsFromMillis(window.untilMs)),
    },
    event: query.event ? (query.event_match === 'name' ? { name: [query.event] } : { prefix: [query.event] }) : null,
    resource: query.resource
      ? query.resource_match === 'id'
        ? { id: [query.resource] }
        : { id_prefix: [query.resource] }
      : null,
    related: query.related ? { id: [query.related] } : null,
    text: query.q ? { query: query.q } : null,
    order: 'DESC',
  });
  return resolveFilter(filter, microsFromMillis(nowMs));
}
