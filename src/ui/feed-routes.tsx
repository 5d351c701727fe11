/**
 * The feed's routes: the page (`/ui/events`, filters in the query), its "load more" and live-mode
 * fragments (JSON holding server-rendered HTML), and one event (`/ui/events/:id`). Reads go through
 * the events API's own pieces: `EventFilter`, the signed pager (`next_page`) and the store.
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';
import { createEventPager } from '../http/event-pages';
import { HookgateError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import type { EventPageResponse } from '../schemas/filter';
import { EventDays } from './components/event-list';
import { clockOf, type UiContext, type UiEnv } from './env';
import { uiErrorResponse } from './errors';
import { type FeedQuery, feedFilter, feedSearch, feedWindow, parseFeedQuery } from './feed-query';
import { countOverTime, eventBuckets, Histogram } from './histogram';
import { EventPage } from './pages/event';
import { FeedPage, type MoreLinks, totalText } from './pages/feed';
import { NotFoundPage } from './pages/not-found';
import { localInputValue } from './zone';

export const FEED_PAGE_SIZE = 50;
/** Most new events one live poll returns. */
export const LIVE_MAX_EVENTS = 100;
const EXPIRED_PAGE_DETAIL =
  'the link to it was not made by this gateway, or was made before the admin token changed; start again from the newest events';

/** The page token in a `next_page` link, as the UI's own "load more" links carry it. */
function moreLinks(page: EventPageResponse, query: FeedQuery): MoreLinks | undefined {
  if (!page.next_page) return undefined;
  const token = new URL(page.next_page, 'http://hookgate.local').searchParams.get('page-token') ?? '';
  const search = feedSearch(query);
  const withToken = `${search ? `${search}&` : '?'}page-token=${encodeURIComponent(token)}`;
  return { pageUrl: `/ui/events${withToken}`, moreUrl: `/ui/events/more${withToken}` };
}

export function createFeedRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const pager = createEventPager(deps.store, deps.adminToken);

  const viewOf = (c: UiContext) => {
    const query = parseFeedQuery(c.req.query());
    const nowMs = deps.now();
    const window = feedWindow(query, nowMs, c.get('zone'));
    return { query, nowMs, window, filter: feedFilter(query, window, nowMs), clock: clockOf(c, nowMs) };
  };

  app.get('/events', async (c) => {
    const { query, nowMs, window, filter, clock } = viewOf(c);
    // Taken before the page is read: live mode then shows whatever arrives from here on (the
    // script drops rows already shown).
    const { cursor: liveCursor } = await deps.store.readEventsAfter(filter, undefined, 1);
    const token = c.req.query('page-token');
    let page: EventPageResponse;
    try {
      page = token ? await pager.next(token, '') : await pager.first(filter, FEED_PAGE_SIZE, '');
    } catch (error) {
      if (!(error instanceof HookgateError && error.code === 'invalid-page-token')) throw error;
      // A page from a link this gateway did not make, or made under another admin token: a page that says so.
      const expired = new HookgateError(403, error.code, 'This page of events cannot be shown', EXPIRED_PAGE_DETAIL);
      return uiErrorResponse(c, expired, { href: `/ui/events${feedSearch(query)}`, text: 'Show the newest events' });
    }
    const page_ = (
      <FeedPage
        csrf={c.get('csrf')}
        query={query}
        clock={clock}
        events={page.events}
        total={page.total}
        more={moreLinks(page, query)}
        buckets={await countOverTime(deps.store, filter, nowMs)}
        range={{ since: localInputValue(window.sinceMs, clock.zone), until: localInputValue(window.untilMs, clock.zone) }}
        liveUrl={`/ui/events/live?${feedSearch(query, { live: '' }).slice(1)}`}
        liveCursor={liveCursor}
        problem={window.problem}
      />
    );
    return c.html(page_);
  });

  app.get('/events/more', async (c) => {
    const { query, clock } = viewOf(c);
    const page = await pager.next(c.req.query('page-token') ?? '', '');
    const links = moreLinks(page, query);
    const html = String(await (<EventDays events={page.events} query={query} clock={clock} />));
    return c.json({ html, count: page.events.length, moreUrl: links?.moreUrl ?? null, pageUrl: links?.pageUrl ?? null });
  });

  /**
   * Events stored since `cursor` (arrival order, not `occurred`: a provider's own timestamp may be
   * older than the newest shown), within the view's filters as of now; newest first, as the list.
   */
  app.get('/events/live', async (c) => {
    const { query, nowMs, filter, clock } = viewOf(c);
    const cursor = c.req.query('cursor') || undefined;
    const arrived = await deps.store.readEventsAfter(filter, cursor, LIVE_MAX_EVENTS).catch(async (error: unknown) => {
      // A cursor from another database (or a stale page): start again from now.
      if (error instanceof HookgateError && error.code === 'invalid-cursor')
        return deps.store.readEventsAfter(filter, undefined, 1);
      throw error;
    });
    const [all, buckets] = await Promise.all([
      deps.store.queryEvents(filter, { limit: 0, offset: 0 }),
      countOverTime(deps.store, filter, nowMs),
    ]);
    const events = [...arrived.events].reverse();
    const html = events.length > 0 ? String(await (<EventDays events={events} query={query} clock={clock} />)) : '';
    const histogram = String(await (<Histogram buckets={eventBuckets(buckets)} zone={clock.zone} nowMs={nowMs} />));
    return c.json({ html, count: events.length, cursor: arrived.cursor, histogram, totalText: totalText(all.total) });
  });

  app.get('/events/:id', async (c) => {
    const id = c.req.param('id');
    const event = isUuid(id) ? await deps.store.readEvent(id.toLowerCase()) : undefined;
    const csrf = c.get('csrf');
    if (!event) {
      return c.html(<NotFoundPage csrf={csrf} what="No event with that id." back="/ui/events" section="events" />, 404);
    }
    return c.html(<EventPage event={event} clock={clockOf(c, deps.now())} csrf={csrf} />);
  });

  return app;
}
