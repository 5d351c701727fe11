/**
 * Prefect's `EventFilter` and the bodies of the events API (filter page, count-by), as zod schemas.
 * Every (sub-)filter forbids unknown keys, as Prefect's `extra="forbid"` does; request bodies ignore them.
 * @see ../../../shared/fixtures/prefect-filters/README.md
 */
import { z } from 'zod';
import { formatTimestamp } from '../lib/time';
import { StoredEvent, Timestamp, Uuid } from './event';

/** Largest page (Prefect Cloud's; Prefect OSS stops at 50). */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_TEXT_QUERY_CHARS = 200;
/**
 * Most values one list of a filter may hold: ids, names, prefixes, label values, label names,
 * `[id, role]` pairs, related and any_resource filters. Generous (Prefect's own tests use 10);
 * the store binds a list as one parameter however long, this only refuses absurd filters.
 */
export const MAX_FILTER_VALUES = 200;
export const MIN_TIME_INTERVAL = 0.01;
/** How far back a filter without `occurred.since` looks, from the start of today (UTC). */
export const DEFAULT_LOOKBACK_DAYS = 180;
const DAY_MICROS = 86_400_000_000;

const TOO_MANY = { error: `may hold at most ${MAX_FILTER_VALUES} values` };

/** A list of at most MAX_FILTER_VALUES `item`s. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(MAX_FILTER_VALUES, TOO_MANY);
}

/** A list of values, ORed; `null` and `[]` (except for label values) add no condition. */
const Strings = list(z.string()).nullish();

/** Label name → one pattern or a list of them (ORed). `*` and `?` are globs, a leading `!` negates. */
export const ResourceSpecification = z
  .record(z.string(), z.union([z.string(), list(z.string())]))
  .refine((labels) => Object.keys(labels).length <= MAX_FILTER_VALUES, {
    error: `may name at most ${MAX_FILTER_VALUES} labels`,
  });
export type ResourceSpecification = z.infer<typeof ResourceSpecification>;

export const EventOccurredFilter = z.strictObject({ since: Timestamp.optional(), until: Timestamp.optional() });

export const EventNameFilter = z.strictObject({
  prefix: Strings,
  exclude_prefix: Strings,
  name: Strings,
  exclude_name: Strings,
});

export const EventResourceFilter = z.strictObject({
  id: Strings,
  id_prefix: Strings,
  labels: ResourceSpecification.nullish(),
  /** One event per primary resource id: the first in the requested order. */
  distinct: z.boolean().default(false),
});

export const EventRelatedFilter = z.strictObject({
  id: Strings,
  role: Strings,
  /** `[id, role]` pairs, ORed. */
  resources_in_roles: list(z.tuple([z.string(), z.string()])).nullish(),
  labels: ResourceSpecification.nullish(),
});
export type EventRelatedFilter = z.infer<typeof EventRelatedFilter>;

export const EventAnyResourceFilter = z.strictObject({
  id: Strings,
  id_prefix: Strings,
  labels: ResourceSpecification.nullish(),
});
export type EventAnyResourceFilter = z.infer<typeof EventAnyResourceFilter>;

export const EventIdFilter = z.strictObject({ id: list(Uuid).nullish() });

export const EventTextFilter = z.strictObject({
  query: z.string().max(MAX_TEXT_QUERY_CHARS, { error: `must be at most ${MAX_TEXT_QUERY_CHARS} characters` }),
});

export const EventOrder = z.enum(['ASC', 'DESC']);

const filterShape = {
  occurred: EventOccurredFilter.default({}),
  event: EventNameFilter.nullish(),
  resource: EventResourceFilter.nullish(),
  /** One filter, or a list of them that must all match (each possibly on a different resource). */
  related: z.union([EventRelatedFilter, list(EventRelatedFilter)]).nullish(),
  any_resource: z.union([EventAnyResourceFilter, list(EventAnyResourceFilter)]).nullish(),
  id: EventIdFilter.nullish(),
  text: EventTextFilter.nullish(),
  order: EventOrder.default('DESC'),
};

/** Prefect's `EventFilter`: every given criterion must hold. */
export const EventFilter = z.strictObject(filterShape);
export type EventFilter = z.infer<typeof EventFilter>;

/** A filter whose occurred window is explicit, as the store runs it and page tokens carry it. */
export const ResolvedEventFilter = z.strictObject({
  ...filterShape,
  occurred: z.strictObject({ since: Timestamp, until: Timestamp }),
});
export type ResolvedEventFilter = z.infer<typeof ResolvedEventFilter>;

/** Prefect's defaults: `since` = start of today (UTC) − 180 days, `until` = now. */
export function resolveFilter(filter: EventFilter, nowMicros: number): ResolvedEventFilter {
  const startOfToday = Math.floor(nowMicros / DAY_MICROS) * DAY_MICROS;
  const since = filter.occurred.since ?? formatTimestamp(startOfToday - DEFAULT_LOOKBACK_DAYS * DAY_MICROS);
  const until = filter.occurred.until ?? formatTimestamp(nowMicros);
  return { ...filter, occurred: { since, until } };
}

/** `POST /api/events/filter`; no body at all means the default filter. */
export const FilterRequest = z
  .object({
    filter: EventFilter.nullish(),
    limit: z.number().int().min(0).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .prefault({});
export type FilterRequest = z.infer<typeof FilterRequest>;

/** What a page token carries: the query, its total (repeated on every page) and where the next page starts. */
export const PageCursor = z.object({
  filter: ResolvedEventFilter,
  total: z.number().int().min(0),
  limit: z.number().int().min(0).max(MAX_PAGE_SIZE),
  offset: z.number().int().min(0),
});
export type PageCursor = z.infer<typeof PageCursor>;

export const EventPageResponse = z.object({
  events: z.array(StoredEvent),
  total: z.number().int(),
  next_page: z.string().nullable(),
});
export type EventPageResponse = z.infer<typeof EventPageResponse>;

export const DEFAULT_TAIL_SIZE = 100;

/**
 * `POST /api/events/tail`: the events stored after the cursor `after` that `filter` matches (its
 * occurred window as given, no defaults), in arrival order. No `after`: none, and the cursor of now.
 */
export const TailRequest = z
  .object({
    filter: EventFilter.nullish(),
    /** A `cursor` from an earlier answer, as it was (opaque). */
    after: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_TAIL_SIZE),
  })
  .prefault({});
export type TailRequest = z.infer<typeof TailRequest>;

export const TailResponse = z.object({
  events: z.array(StoredEvent),
  /** Pass it as `after` next time; it moves on even when no event matched. */
  cursor: z.string(),
});
export type TailResponse = z.infer<typeof TailResponse>;

export const Countable = z.enum(['day', 'time', 'event', 'resource']);
export type Countable = z.infer<typeof Countable>;

export const TimeUnit = z.enum(['week', 'day', 'hour', 'minute', 'second']);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** `POST /api/events/count-by/{countable}`. */
export const CountRequest = z.object({
  filter: EventFilter,
  time_unit: TimeUnit.default('day'),
  time_interval: z
    .number()
    .min(MIN_TIME_INTERVAL, { error: `must be at least ${MIN_TIME_INTERVAL}` })
    .default(1),
});
export type CountRequest = z.infer<typeof CountRequest>;

/** A count-by request as the store runs it: resolved window, the countable and the clock. */
export interface CountQuery extends Omit<CountRequest, 'filter'> {
  countable: Countable;
  filter: ResolvedEventFilter;
  /** Microseconds since the epoch: buckets stop at the end of the current period. */
  nowMicros: number;
}

/** One row of a count-by answer. Time buckets: `value` is the bucket's index in this answer. */
export const EventCount = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  start_time: z.string(),
  end_time: z.string(),
});
export type EventCount = z.infer<typeof EventCount>;
