/**
 * The webhooks list: name, URL to copy, enabled switch, the last attempt (any outcome) and the last
 * event, and the last 24 hours' counts, all by time of receipt.
 */
import type { WebhookView } from '../../http/webhook-view';
import { CopyButton } from '../components/copy-button';
import { EnabledToggle } from '../components/enabled-toggle';
import { type Clock, Time } from '../components/time';
import { feedSearch, parseFeedQuery } from '../feed-query';
import type { WebhookStats } from '../webhook-stats';
import { Layout } from './layout';

export interface WebhookListEntry {
  view: WebhookView;
  stats: WebhookStats;
}

function kindOf(view: WebhookView): string {
  return view.preset ? `preset ${view.preset}` : `${view.mapping.kind} mapping`;
}

function LastAttempt({ entry, clock }: { entry: WebhookListEntry; clock: Clock }) {
  const { view, stats } = entry;
  const attempt = stats.lastAttempt;
  if (!attempt) return <>never</>;
  return (
    <>
      <a
        href={`/ui/webhooks/${view.id}#activity`}
        class="attempt"
        aria-label={`Last attempt on ${view.name}: ${attempt.outcome}, HTTP ${attempt.status}`}
      >
        <span class={`outcome-badge outcome-${attempt.outcome}`}>{attempt.outcome}</span> {attempt.status}
      </a>
      <div>
        <Time iso={attempt.received} clock={clock} />
      </div>
      {attempt.code && attempt.outcome !== 'stored' && (
        <div>
          <code class="problem-code">{attempt.code}</code>
        </div>
      )}
      {stats.rejected24h > 0 && <div class="hint">{`${stats.rejected24h} rejected in 24 h`}</div>}
    </>
  );
}

function Row({ entry, csrf, clock, readOnly }: { entry: WebhookListEntry; csrf: string; clock: Clock; readOnly?: boolean }) {
  const { view, stats } = entry;
  const related = `hookgate.webhook.${view.id}`;
  const feed = parseFeedQuery({});
  return (
    <tr>
      <td data-label="Name">
        <a href={`/ui/webhooks/${view.id}`}>
          <strong>{view.name}</strong>
        </a>
        <div class="hint">{kindOf(view)}</div>
      </td>
      <td data-label="URL">
        <span class="url-line">
          <code>{view.url}</code>
          <CopyButton value={view.url} label={`Copy the URL of ${view.name}`} />
        </span>
      </td>
      <td data-label="Enabled">
        {readOnly ? (
          view.enabled ? (
            'yes'
          ) : (
            'no'
          )
        ) : (
          <EnabledToggle id={view.id} name={view.name} enabled={view.enabled} csrf={csrf} back="/ui/webhooks" />
        )}
      </td>
      <td data-label="Last attempt">
        <LastAttempt entry={entry} clock={clock} />
      </td>
      <td data-label="Last event">{stats.lastEvent ? <Time iso={stats.lastEvent} clock={clock} /> : 'never'}</td>
      <td data-label="Events (24 h)">
        <a
          href={`/ui/events${feedSearch(feed, { related })}`}
          aria-label={`${stats.events24h} events of ${view.name} in 24 hours`}
        >
          {stats.events24h}
        </a>
      </td>
      <td data-label="Failures (24 h)">
        <a
          href={`/ui/events${feedSearch(feed, { related, event: 'hookgate.webhook.failed', event_match: 'name' })}`}
          aria-label={`${stats.failures24h} failures of ${view.name} in 24 hours`}
          class={stats.failures24h > 0 ? 'failures' : undefined}
        >
          {stats.failures24h}
        </a>
      </td>
    </tr>
  );
}

export interface WebhooksPageProps {
  entries: WebhookListEntry[];
  csrf: string;
  clock: Clock;
  notice?: string;
  /** A read-only session: no "New webhook", no enabled switches. */
  readOnly?: boolean;
  /** Enabled sinks the events go to (`name (filtered)` when a sink has a filter). */
  forwardedTo?: string[];
}

export function WebhooksPage({ entries, csrf, clock, notice, readOnly, forwardedTo = [] }: WebhooksPageProps) {
  return (
    <Layout title="Webhooks" section="webhooks" csrf={csrf}>
      <div class="toolbar">
        <h1>Webhooks</h1>
        {!readOnly && (
          <a class="button" href="/ui/webhooks/new">
            New webhook
          </a>
        )}
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="hint forwarding">
        {forwardedTo.length > 0
          ? `Events are forwarded to ${forwardedTo.join(', ')}.`
          : 'Events are not forwarded: no sink is enabled.'}{' '}
        <a href="/ui/sinks">Sinks</a>
      </p>
      {entries.length === 0 ? (
        <p class="empty panel">No webhooks yet. Create one and give its URL to the sender.</p>
      ) : (
        <div class="panel">
          <table class="webhooks">
            <caption class="visually-hidden">
              Webhooks, with their last attempt and event, and their events and failures in the last 24 hours
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Enabled</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Last event</th>
                <th scope="col">Events (24 h)</th>
                <th scope="col">Failures (24 h)</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <Row entry={entry} csrf={csrf} clock={clock} readOnly={readOnly} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
