/**
 * The Prefect-compatible events API (DESIGN §7): emit events, filter them page by page, count
 * them by time, name or resource, read one; and follow new ones in arrival order (`/tail`).
 * @see ../../../shared/fixtures/prefect-filters/README.md
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { readBody, readJson } from '../http/body';
import { createEventPager } from '../http/event-pages';
import { InputError, NotFoundError } from '../lib/errors';
import { microsFromMillis } from '../lib/time';
import { Event, MAX_EVENT_BYTES } from '../schemas/event';
import { eventBytes } from '../schemas/event-json';
import { Countable, CountRequest, EventFilter, FilterRequest, resolveFilter, TailRequest } from '../schemas/filter';
import { formatPath, parseWith } from '../schemas/issues';

const EventBatch = z.array(Event);

/** Every event valid and at most MAX_EVENT_BYTES as JSON, or 422 naming the offending index. */
function parseBatch(body: unknown): Event[] {
  const events = parseWith(EventBatch, body);
  const issues = events.flatMap((event, index) => {
    const size = eventBytes(event);
    if (size <= MAX_EVENT_BYTES) return [];
    return [{ path: formatPath([index]), message: `is ${size} bytes as JSON; at most ${MAX_EVENT_BYTES} are allowed` }];
  });
  if (issues.length > 0) {
    throw new InputError(422, 'validation-failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
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
    await deps.store.writeEvents(parseBatch(await readJson(c)));
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
