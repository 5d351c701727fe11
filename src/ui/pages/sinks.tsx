/** The Sinks page: where events are forwarded, each sink's state, lag and dead letters, with retry and replay. */
import type { DeadLetter, Sink, SinkStatus } from '../../schemas/sink';
import { type Clock, Time } from '../components/time';
import { Layout } from './layout';

export interface SinkEntry {
  sink: Sink;
  status: SinkStatus;
}

function Hidden({ csrf }: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={csrf} />;
}

function StateCell({ entry }: { entry: SinkEntry }) {
  const { sink, status } = entry;
  if (!sink.enabled) return <span>disabled</span>;
  return (
    <span class={status.state === 'ok' ? undefined : 'failures'}>
      {status.state}
      {status.lastError && status.state !== 'ok' && (
        <div class="hint">{`${status.lastStatus ?? ''} ${status.lastError}`.trim()}</div>
      )}
    </span>
  );
}

function Row({ entry, csrf }: { entry: SinkEntry; csrf: string }) {
  const { sink, status } = entry;
  return (
    <tr>
      <td data-label="Name">
        <a href={`/ui/sinks/${sink.id}`}>
          <strong>{sink.name}</strong>
        </a>
        <div class="hint">{`${sink.target.kind}${sink.filter ? ', filtered' : ''}${sink.origin === 'env' ? ', from the environment' : ''}`}</div>
      </td>
      <td data-label="Target">
        <code>{sink.target.url}</code>
      </td>
      <td data-label="State">
        <StateCell entry={entry} />
      </td>
      <td data-label="Delivered">{status.delivered}</td>
      <td data-label="Pending">{status.pending}</td>
      <td data-label="Lag">{`${status.lagSeconds.toFixed(1)} s`}</td>
      <td data-label="Dead letters">
        <a href={`/ui/sinks/${sink.id}`} class={status.deadLetters > 0 ? 'failures' : undefined}>
          {status.deadLetters}
        </a>
      </td>
      <td data-label="Actions">
        <form method="post" action={`/ui/sinks/${sink.id}/retry`}>
          <Hidden csrf={csrf} />
          <button
            type="submit"
            class="secondary"
            disabled={status.deadLetters === 0}
            aria-label={`Retry the dead letters of ${sink.name}`}
          >
            Retry dead letters
          </button>
        </form>
        <form method="post" action={`/ui/sinks/${sink.id}/replay`} class="inline">
          <Hidden csrf={csrf} />
          <label>
            <span class="visually-hidden">{`Replay ${sink.name} since (UTC)`}</span>
            <input type="datetime-local" name="since" required aria-label={`Replay ${sink.name} since (UTC)`} />
          </label>
          <button type="submit" class="secondary">
            Replay
          </button>
        </form>
      </td>
    </tr>
  );
}

export function SinksPage({ entries, csrf, notice }: { entries: SinkEntry[]; csrf: string; notice?: string }) {
  return (
    <Layout title="Sinks" section="sinks" csrf={csrf}>
      <div class="toolbar">
        <h1>Sinks</h1>
      </div>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="empty panel">
          No sinks: events stay here. Set PREFECT_API_URL (and PREFECT_API_KEY) to forward every event to Prefect, or create one
          with <code>hookgate sinks create</code>.
        </p>
      ) : (
        <div class="panel">
          <table class="sinks">
            <caption class="visually-hidden">Sinks, with what they delivered, what waits and what they rejected</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Target</th>
                <th scope="col">State</th>
                <th scope="col">Delivered</th>
                <th scope="col">Pending</th>
                <th scope="col">Lag</th>
                <th scope="col">Dead letters</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <Row entry={entry} csrf={csrf} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function SinkPage({
  entry,
  letters,
  csrf,
  clock,
}: {
  entry: SinkEntry;
  letters: DeadLetter[];
  csrf: string;
  clock: Clock;
}) {
  return (
    <Layout title={entry.sink.name} section="sinks" csrf={csrf}>
      <div class="toolbar">
        <h1>{entry.sink.name}</h1>
        <a href="/ui/sinks">All sinks</a>
      </div>
      <h2>Dead letters</h2>
      {letters.length === 0 ? (
        <p class="empty panel">No dead letters.</p>
      ) : (
        <div class="panel">
          <table class="dead-letters">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr>
                  <td data-label="Event">
                    <a href={`/ui/events/${letter.eventId}`}>
                      <code>{letter.eventId}</code>
                    </a>
                  </td>
                  <td data-label="When">
                    <Time iso={letter.created} clock={clock} />
                  </td>
                  <td data-label="Status">{letter.status ?? '–'}</td>
                  <td data-label="Reason">{letter.reason}</td>
                  <td data-label="Answer">
                    <code>{letter.excerpt}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
