/**
 * Paging through filter results, Prefect's way: the first page counts the total, and each page
 * links the next one with a signed token carrying the resolved filter, total, size and offset.
 */

import { createPageTokens } from '../core/page-token';
import { ForbiddenError } from '../lib/errors';
import { type EventPageResponse, PageCursor, type ResolvedEventFilter } from '../schemas/filter';
import type { EventStore } from '../store/types';

export const NEXT_PAGE_PATH = '/api/events/filter/next';

export interface EventPager {
  /** The first `limit` matches of `filter`; `origin` is the base of the `next_page` URL. */
  first(filter: ResolvedEventFilter, limit: number, origin: string): Promise<EventPageResponse>;
  /** The page a token names; throws 403 `invalid-page-token` for anything we did not sign. */
  next(token: string, origin: string): Promise<EventPageResponse>;
}

/** A pager over `store` whose tokens are keyed from `secret` (the admin token). */
export function createEventPager(store: EventStore, secret: string): EventPager {
  const tokens = createPageTokens(secret);

  async function link(cursor: PageCursor, origin: string): Promise<string | null> {
    // Prefect's rule: no next page once this one reaches the total (`limit` 0 never advances).
    if (cursor.offset + cursor.limit >= cursor.total) return null;
    const token = await tokens.sign({ ...cursor, offset: cursor.offset + cursor.limit });
    return `${origin}${NEXT_PAGE_PATH}?page-token=${encodeURIComponent(token)}`;
  }

  async function read(cursor: Omit<PageCursor, 'total'> & { total?: number }, origin: string): Promise<EventPageResponse> {
    const { filter, limit, offset, total: knownTotal } = cursor;
    const page = await store.queryEvents(filter, { limit, offset, knownTotal });
    const next_page = await link({ filter, limit, offset, total: page.total }, origin);
    return { events: page.events, total: page.total, next_page };
  }

  return {
    first: (filter, limit, origin) => read({ filter, limit, offset: 0 }, origin),
    async next(token, origin) {
      const cursor = PageCursor.safeParse(token ? await tokens.verify(token) : undefined);
      if (!cursor.success) throw new ForbiddenError('invalid-page-token', 'the page token is not one this server issued');
      return read(cursor.data, origin);
    },
  };
}
