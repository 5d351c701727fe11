/**
 * "Replay failures" on a webhook's page: how many stored failures are left to replay, which ones are
 * done and into which events (a failure is done when what it maps to now is stored: see
 * `failureStates`), and the button, enabled only while there is something to replay.
 */
import type { FailureStates } from '../../core/replay';
import { feedSearch, parseFeedQuery } from '../feed-query';

/** Replayed failures listed; the rest are counted. */
const LISTED = 10;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Replayed({ states }: { states: FailureStates }) {
  const shown = states.replayed.slice(0, LISTED);
  return (
    <details class="replayed" open={states.pending.length === 0}>
      <summary>{`${plural(states.replayed.length, 'failure')} replayed`}</summary>
      <ul>
        {shown.map((item) => (
          <li>
            <a href={`/ui/events/${item.failure}`}>{`Failure ${item.failure.slice(0, 8)}`}</a>
            {' → '}
            {item.events.slice(0, 3).map((id, index) => (
              <>
                {index > 0 && ', '}
                <a href={`/ui/events/${id}`}>{`event ${id.slice(0, 8)}`}</a>
              </>
            ))}
            {item.events.length > 3 && ` and ${item.events.length - 3} more`}
          </li>
        ))}
      </ul>
      {states.replayed.length > LISTED && <p class="hint">{`and ${states.replayed.length - LISTED} more`}</p>}
    </details>
  );
}

export function ReplayPanel({ webhookId, csrf, states }: { webhookId: string; csrf: string; states: FailureStates }) {
  const related = `hookgate.webhook.${webhookId}`;
  const feed = `/ui/events${feedSearch(parseFeedQuery({}), { related, event: 'hookgate.webhook.failed', event_match: 'name', range: 'week' })}`;
  const pending = states.pending.length;
  const parts = [
    `${plural(states.total, 'failed request')} stored`,
    states.replayed.length > 0 ? `${states.replayed.length} replayed` : '',
    states.total > 0 ? `${pending} to replay` : '',
    states.skipped.length > 0 ? `${states.skipped.length} cannot be replayed (body cut or no request kept)` : '',
  ].filter(Boolean);
  return (
    <form method="post" action={`/ui/webhooks/${webhookId}/replay`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <p id="failure-count">
        {`${parts.join(', ')}. `}
        {states.total > 0 && <a href={feed}>See the failures</a>}
      </p>
      {states.replayed.length > 0 && <Replayed states={states} />}
      <p class="hint">
        Once the mapping is fixed, replay them: what now maps is stored (once, however often you replay), what still fails is
        listed. A failure counts as replayed once the events it now maps to are stored.
      </p>
      <button type="submit" disabled={pending === 0}>
        Replay failures
      </button>
    </form>
  );
}
