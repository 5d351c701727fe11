/**
 * Feed rows grouped by day (in the reader's zone), newest first. The same component renders the
 * page, "load more" and live-mode fragments, so the client script only inserts server HTML.
 */
import { timestampMicros } from '../../lib/time';
import type { StoredEvent } from '../../schemas/event';
import type { FeedQuery } from '../feed-query';
import { dayKey, dayLabel } from '../zone';
import { RelatedChips, ResourceLink } from './chips';
import { type Clock, Time } from './time';

const FAILED = 'hookgate.webhook.failed';

export function EventRow({ event, query, clock }: { event: StoredEvent; query: FeedQuery; clock: Clock }) {
  return (
    <li class={event.event === FAILED ? 'event-row failed' : 'event-row'} data-id={event.id} data-occurred={event.occurred}>
      <div class="event-main">
        <a class="event-name" href={`/ui/events/${event.id}`}>
          {event.event}
        </a>
        <ResourceLink resource={event.resource} query={query} />
      </div>
      <RelatedChips related={event.related} query={query} />
      <Time iso={event.occurred} clock={clock} />
    </li>
  );
}

function groupByDay(events: StoredEvent[], zone: string): [string, StoredEvent[]][] {
  const groups: [string, StoredEvent[]][] = [];
  for (const event of events) {
    const key = dayKey(Math.floor(timestampMicros(event.occurred) / 1000), zone);
    const last = groups[groups.length - 1];
    if (last && last[0] === key) last[1].push(event);
    else groups.push([key, [event]]);
  }
  return groups;
}

/** Day sections; the client merges a fragment's first section into a shown section of the same day. */
export function EventDays({ events, query, clock }: { events: StoredEvent[]; query: FeedQuery; clock: Clock }) {
  return (
    <>
      {groupByDay(events, clock.zone).map(([key, dayEvents]) => (
        <section class="day" data-day={key} aria-labelledby={`day-${key}`}>
          <h2 id={`day-${key}`}>{dayLabel(key)}</h2>
          <ol class="events">
            {dayEvents.map((event) => (
              <EventRow event={event} query={query} clock={clock} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
