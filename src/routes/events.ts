/**
 * The Prefect-compatible events API (DESIGN §7): emit events, filter them page by page, count
 * them by time, name or resource, read one; and follow new ones in arrival order (`/tail`).
 * @see ../../../shared/fixtures/prefect-filters/README.md
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { API_JSON_SHAPE, type JsonBodyLimits, readBody, readJson } from '../http/body';
import { createEventPager } from '../http/event-pages';
import { InputError, NotFoundError } from '../lib/errors';
import { microsFromMillis } from '../lib/time';
import { Event, MAX_EVENT_BYTES } from '../schemas/event';
import { eventBytes } from '../schemas/event-json';
import { Countable, CountRequest, EventFilter, FilterRequest, resolveFilter, TailRequest } from '../schemas/filter';
import { formatPath, MAX_DESCRIBED_ISSUES, MAX_LISTED_ISSUES, parseWith } from '../schemas/issues';

/** Events in one `POST /api/events` at most (Prefect's clients send a few at a time). */
export const MAX_EVENT_BATCH_ITEMS = 1000;
/** Bytes of one `POST /api/events` body at most: several events of the largest size fit. */
export const MAX_EVENT_BATCH_BYTES = 8 * 1024 * 1024;
/** A batch's budget, checked before the body is parsed: count, bytes, nesting and values. */
export const EVENT_BATCH_LIMITS: JsonBodyLimits = {
  maxBytes: MAX_EVENT_BATCH_BYTES,
  shape: { ...API_JSON_SHAPE, maxValues: 500_000, maxTopLevelItems: MAX_EVENT_BATCH_ITEMS },
};

const EventBatch = z.array(Event).max(MAX_EVENT_BATCH_ITEMS, { error: `must hold at most ${MAX_EVENT_BATCH_ITEMS} events` });

/** Every event valid and at most MAX_EVENT_BYTES as JSON, or 422 naming the offending indexes. */
function parseBatch(body: unknown): Event[] {
  const events = parseWith(EventBatch, body);
  const issues = events.flatMap((event, index) => {
    const size = eventBytes(event);
    if (size <= MAX_EVENT_BYTES) return [];
    return [{ path: formatPath([index]), message: `is ${size} bytes as JSON; at most ${MAX_EVENT_BYTES} are allowed` }];
  });
  if (issues.length > 0) {
    const detail = issues
      .slice(0, MAX_DESCRIBED_ISSUES)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    throw new InputError(422, 'validation-failed', detail, {
      issues: issues.slice(0, MAX_LISTED_ISSUES),
      issueCount: issues.length,
    });
  }
  return events;
}

/** The `/api/events` routes (mounted behind the admin-token check). */
export function createEventsRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const pager = createEventPager(deps.store, deps.adminToken);
  const nowMicros = () => microsFromMillis(deps.now());
  /** Base of `next_page` links: the public URL when configured, else the request's origin. */
  const origin = (c: Context) => deps.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;

  app.post('/', async (c) => {
    await deps.store.writeEvents(parseBatch(await readJson(c, { limits: EVENT_BATCH_LIMITS })));
    return c.body(null, 204);
  });

  app.post('/filter', async (c) => {
    const request = await readBody(c, FilterRequest, { optional: true });
    const filter = resolveFilter(request.filter ?? EventFilter.parse({}), nowMicros());
    return c.json(await pager.first(filter, request.limit, origin(c)));
  });

  app.get('/filter/next', async (c) => c.json(await pager.next(c.req.query('page-token') ?? '', origin(c))));

  // Arrival order, not `occurred`: an event that arrives with an older `occurred` is still followed.
  app.post('/tail', async (c) => {
    const request = await readBody(c, TailRequest, { optional: true });
    const filter = request.filter ?? EventFilter.parse({});
    return c.json(await deps.store.readEventsAfter(filter, request.after, request.limit));
  });

  app.post('/count-by/:countable', async (c) => {
    const countable = parseWith(Countable, c.req.param('countable'), ['countable']);
    const request = await readBody(c, CountRequest);
    const now = nowMicros();
    const query = { ...request, countable, filter: resolveFilter(request.filter, now), nowMicros: now };
    return c.json(await deps.store.countEvents(query));
  });

  app.get('/:id', async (c) => {
    const event = await deps.store.readEvent(c.req.param('id'));
    if (!event) throw new NotFoundError('event-not-found', 'no event with that id');
    return c.json(event);
  });

  return app;
}
