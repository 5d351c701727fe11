/**
 * The "Activity" panel of a webhook's page: requests over time stacked by outcome, the totals, and
 * the delivery log with an outcome filter (a GET form: the URL holds the view) and paging. The part
 * that changes (`#activity-live`) is also what live mode fetches again.
 */
import { DELIVERY_OUTCOMES, type DeliveryView } from '../../schemas/delivery';
import { Histogram } from '../histogram';
import { ACTIVITY_RANGES, type Activity, type ActivityQuery, activitySearch } from '../webhook-activity';
import { DeliveryLog } from './delivery-log';
import type { Clock } from './time';

export interface ActivityView {
  webhookId: string;
  query: ActivityQuery;
  activity: Activity;
  deliveries: DeliveryView[];
  /** The `before` of the next (older) page, or null at the end. */
  older: string | null;
  clock: Clock;
}

const OUTCOME_TEXT: Record<string, string> = {
  stored: 'stored',
  failed: 'failed (mapping error)',
  rejected: 'rejected (not accepted)',
  handshake: 'handshakes',
};

function Totals({ activity }: { activity: Activity }) {
  return (
    <ul class="legend" aria-label="Requests by outcome">
      {DELIVERY_OUTCOMES.filter((outcome) => outcome !== 'handshake' || activity.totals.handshake > 0).map((outcome) => (
        <li>
          <span class={`swatch series-${outcome}`} aria-hidden="true" />
          {`${activity.totals[outcome]} ${OUTCOME_TEXT[outcome]}`}
        </li>
      ))}
    </ul>
  );
}

/** The chart, the totals and the log page: what live mode replaces. */
export function ActivityLive(view: ActivityView) {
  const { query, activity, clock } = view;
  const base = `/ui/webhooks/${view.webhookId}`;
  const filtered = query.outcome ? ` ${query.outcome}` : '';
  return (
    <div id="activity-live">
      <Histogram
        id="activity-chart"
        buckets={activity.buckets}
        zone={clock.zone}
        nowMs={clock.nowMs}
        unit="request"
        caption={`Requests, ${ACTIVITY_RANGES[query.range].label.toLowerCase()}`}
      />
      <Totals activity={activity} />
      {view.deliveries.length === 0 ? (
        <p class="empty">
          {query.before ? 'No older requests.' : `No${filtered} requests recorded yet (the log keeps 7 days, 1,000 per webhook).`}
        </p>
      ) : (
        <DeliveryLog deliveries={view.deliveries} clock={clock} />
      )}
      <p class="pager">
        {query.before && <a href={`${base}${activitySearch(query, { before: undefined })}#activity`}>Newest requests</a>}
        {view.older && <a href={`${base}${activitySearch(query, { before: view.older })}#activity`}>Older requests</a>}
      </p>
    </div>
  );
}

export function ActivityPanel(view: ActivityView) {
  const { query } = view;
  const base = `/ui/webhooks/${view.webhookId}`;
  return (
    <section class="panel" id="activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <p class="hint">
        Every request to the URL, by time of receipt: stored, failed in the mapping, or rejected before it (a wrong signature, a
        disabled webhook, a rate limit…), with what to check.
      </p>
      <form class="activity-filters" method="get" action={`${base}#activity`} aria-label="Filter the requests">
        <label for="activity-range">Chart</label>
        <select id="activity-range" name="range">
          {Object.entries(ACTIVITY_RANGES).map(([value, range]) => (
            <option value={value} selected={value === query.range}>
              {range.label}
            </option>
          ))}
        </select>
        <label for="activity-outcome">Outcome</label>
        <select id="activity-outcome" name="outcome">
          <option value="">All</option>
          {DELIVERY_OUTCOMES.map((outcome) => (
            <option value={outcome} selected={outcome === query.outcome}>
              {outcome}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Show
        </button>
        {!query.before && (
          <label class="switch">
            <input
              type="checkbox"
              id="activity-live-toggle"
              data-live-url={`${base}/activity${activitySearch(query)}`}
              disabled
            />{' '}
            Live
          </label>
        )}
        <span id="activity-live-status" class="hint" role="status" />
      </form>
      <ActivityLive {...view} />
    </section>
  );
}
