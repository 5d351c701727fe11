/**
 * One event: its resource's labels, related resources with roles, the payload and the raw event;
 * for a `hookgate.webhook.failed` event the error, the request and the rendered text side by side.
 */
import { FAILED_EVENT } from '../../core/failure';
import { RESOURCE_ID, RESOURCE_ROLE, type StoredEvent } from '../../schemas/event';
import { isJsonObject } from '../../schemas/json';
import { CopyButton } from '../components/copy-button';
import { JsonView } from '../components/json-view';
import { SnsConfirm } from '../components/sns-confirm';
import { type Clock, Time } from '../components/time';
import { feedSearch, parseFeedQuery } from '../feed-query';
import { Layout } from './layout';

function Labels({ labels }: { labels: Record<string, string> }) {
  return (
    <dl class="facts">
      {Object.entries(labels).map(([key, value]) => (
        <>
          <dt>{key}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </>
      ))}
    </dl>
  );
}

function Related({ related }: { related: Record<string, string>[] }) {
  if (related.length === 0) return <p class="hint">No related resources.</p>;
  const query = parseFeedQuery({});
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Resource</th>
          <th scope="col">Labels</th>
        </tr>
      </thead>
      <tbody>
        {related.map((labels) => {
          const { [RESOURCE_ID]: id = '', [RESOURCE_ROLE]: role = '', ...rest } = labels;
          return (
            <tr>
              <td>{role}</td>
              <td>
                <a href={`/ui/events${feedSearch(query, { related: id })}`} aria-label={`Events related to ${id}`}>
                  <code>{id}</code>
                </a>
              </td>
              <td>{Object.keys(rest).length > 0 ? <Labels labels={rest} /> : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** The error, the request and what the template rendered, next to each other. */
function Failure({ event }: { event: StoredEvent }) {
  const { error, request, rendered, renderedTruncated } = event.payload;
  const err = isJsonObject(error) ? error : {};
  const req = isJsonObject(request) ? request : {};
  const webhookId = (event.resource[RESOURCE_ID] ?? '').replace(/^hookgate\.webhook\./, '');
  const position = typeof err.line === 'number' ? `Line ${err.line}, column ${err.column}: ` : '';
  return (
    <section class="panel" aria-labelledby="failure-title">
      <h2 id="failure-title">Why it failed</h2>
      <p class="notice error">
        <strong>{text(err.code)}</strong> — {position}
        {text(err.detail)}
      </p>
      <p>
        <a href={`/ui/webhooks/${webhookId}`}>Fix the webhook's mapping and replay its failures</a>
      </p>
      <div class="side-by-side">
        <div>
          <h3>Request</h3>
          <p>
            <code>{text(req.method)}</code>
            {req.bodyTruncated === true && <span class="hint"> (body truncated)</span>}
          </p>
          <JsonView value={req.headers} summary="Headers" />
          {isJsonObject(req.query) && Object.keys(req.query).length > 0 && <JsonView value={req.query} summary="Query" />}
          <h4>Body</h4>
          <pre tabindex={0}>
            <code>{text(req.body)}</code>
          </pre>
        </div>
        <div>
          <h3>Rendered{renderedTruncated === true ? ' (truncated)' : ''}</h3>
          <pre tabindex={0}>
            <code>{rendered === null || rendered === undefined ? '(nothing was rendered)' : text(rendered)}</code>
          </pre>
        </div>
      </div>
    </section>
  );
}

export function EventPage({ event, clock, csrf }: { event: StoredEvent; clock: Clock; csrf: string }) {
  return (
    <Layout title={event.event} section="events" csrf={csrf}>
      <p>
        <a href="/ui/events">← Events</a>
      </p>
      <h1>{event.event}</h1>
      <dl class="facts panel">
        <dt>Id</dt>
        <dd class="url-line">
          <code>{event.id}</code> <CopyButton value={event.id} label="Copy the event id" />
        </dd>
        <dt>Occurred</dt>
        <dd>
          <Time iso={event.occurred} clock={clock} /> <span class="hint">{event.occurred}</span>
        </dd>
        <dt>Received</dt>
        <dd>
          <Time iso={event.received} clock={clock} /> <span class="hint">{event.received}</span>
        </dd>
        {event.follows && (
          <>
            <dt>Follows</dt>
            <dd>
              <a href={`/ui/events/${event.follows}`}>
                <code>{event.follows}</code>
              </a>
            </dd>
          </>
        )}
      </dl>
      {event.event === FAILED_EVENT && <Failure event={event} />}
      <SnsConfirm event={event} />
      <section class="panel" aria-labelledby="resource-title">
        <h2 id="resource-title">Resource</h2>
        <Labels labels={event.resource} />
      </section>
      <section class="panel" aria-labelledby="related-title">
        <h2 id="related-title">Related resources</h2>
        <Related related={event.related} />
      </section>
      <section class="panel" aria-labelledby="payload-title">
        <h2 id="payload-title">Payload</h2>
        <JsonView value={event.payload} summary="Payload (JSON)" open />
        <JsonView value={event} summary="Raw event" />
      </section>
    </Layout>
  );
}
