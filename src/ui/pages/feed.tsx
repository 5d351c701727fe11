/** The event feed: filters, the histogram, live mode, the events grouped by day, "load more". */
import type { StoredEvent } from '../../schemas/event';
import type { EventCount } from '../../schemas/filter';
import { EventDays } from '../components/event-list';
import { FilterForm } from '../components/filter-form';
import type { Clock } from '../components/time';
import type { FeedQuery } from '../feed-query';
import { eventBuckets, Histogram } from '../histogram';
import { Layout } from './layout';

export interface MoreLinks {
  /** The next page as a whole page (works without script). */
  pageUrl: string;
  /** The next page as a fragment, for the client script. */
  moreUrl: string;
}

export function totalText(total: number): string {
  return total === 1 ? '1 event' : `${total} events`;
}

export function MoreLink({ links }: { links: MoreLinks | undefined }) {
  if (!links) return null;
  return (
    <p class="load-more">
      <a class="button secondary" href={links.pageUrl} data-more-url={links.moreUrl}>
        Load more
      </a>
    </p>
  );
}

export interface FeedPageProps {
  csrf: string;
  query: FeedQuery;
  clock: Clock;
  events: StoredEvent[];
  total: number;
  more: MoreLinks | undefined;
  buckets: EventCount[];
  range: { since: string; until: string };
  liveUrl: string;
  /** Where live mode starts: the store's arrival cursor when the page was made. */
  liveCursor: string;
  problem?: string;
}

export function FeedPage(props: FeedPageProps) {
  const { query, clock, events } = props;
  return (
    <Layout title="Events" section="events" csrf={props.csrf}>
      <h1>Events</h1>
      <FilterForm query={query} sinceValue={props.range.since} untilValue={props.range.until} />
      {props.problem && (
        <p class="notice error" role="alert">
          {props.problem}
        </p>
      )}
      <Histogram buckets={eventBuckets(props.buckets)} zone={clock.zone} nowMs={clock.nowMs} />
      <div class="toolbar">
        <p class="count" id="total">
          {totalText(props.total)}
        </p>
        <label class="switch" for="live-toggle">
          <input type="checkbox" id="live-toggle" checked={query.live === '1'} disabled aria-describedby="live-status" />
          Live
        </label>
        <span id="live-status" class="hint" role="status">
          {query.live === '1' ? 'Live: new events appear as they arrive.' : ''}
        </span>
      </div>
      <div data-feed="" data-live-url={props.liveUrl} data-live-cursor={props.liveCursor}>
        <div data-event-list="">
          {events.length === 0 ? (
            <p class="empty">No events match these filters in this time range.</p>
          ) : (
            <EventDays events={events} query={query} clock={clock} />
          )}
        </div>
        <MoreLink links={props.more} />
      </div>
    </Layout>
  );
}
