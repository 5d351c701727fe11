/**
 * A webhook's delivery log as a table: when, outcome and status, what became of the request (its
 * events, its failure event, or why it was refused with a plain-language hint) and the request's
 * facts (method, size, duration, source, the header names it carried).
 */
import type { DeliveryView } from '../../schemas/delivery';
import { type Clock, Time } from './time';

/** Event links shown per record; the rest are counted. */
const EVENT_LINKS = 3;

const short = (id: string) => id.slice(0, 8);

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function Result({ delivery }: { delivery: DeliveryView }) {
  if (delivery.outcome === 'stored') {
    const shown = delivery.eventIds.slice(0, EVENT_LINKS);
    const more = delivery.events - shown.length;
    return (
      <>
        {`${delivery.events} event${delivery.events === 1 ? '' : 's'} stored: `}
        {shown.map((id, index) => (
          <>
            {index > 0 && ', '}
            <a href={`/ui/events/${id}`} aria-label={`Event ${id}`}>
              <code>{short(id)}</code>
            </a>
          </>
        ))}
        {more > 0 && ` and ${more} more`}
      </>
    );
  }
  if (delivery.outcome === 'handshake') return <>A handshake, answered by the webhook itself; nothing stored.</>;
  return (
    <>
      <code class="problem-code">{delivery.code ?? 'error'}</code>
      {delivery.outcome === 'failed' && delivery.failureEvent && (
        <>
          {' '}
          <a href={`/ui/events/${delivery.failureEvent}`}>See the failure event</a>
        </>
      )}
      {delivery.hint && <p class="delivery-hint">{delivery.hint}</p>}
    </>
  );
}

function Headers({ delivery }: { delivery: DeliveryView }) {
  const names = Object.entries(delivery.headers);
  if (names.length === 0) return null;
  return (
    <details class="delivery-headers">
      <summary>{`${names.length + delivery.headersOmitted} headers`}</summary>
      <ul>
        {names.map(([name, value]) => (
          <li>
            <code>{name}</code>
            {value === null ? <span class="hint"> (value not kept)</span> : <>: {value}</>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Row({ delivery, clock }: { delivery: DeliveryView; clock: Clock }) {
  return (
    <tr class={`delivery outcome-${delivery.outcome}`}>
      <td data-label="Received">
        <Time iso={delivery.received} clock={clock} />
      </td>
      <td data-label="Outcome">
        <span class={`outcome-badge outcome-${delivery.outcome}`}>{delivery.outcome}</span> <span>{delivery.status}</span>
      </td>
      <td data-label="Result" class="delivery-result">
        <Result delivery={delivery} />
      </td>
      <td data-label="Request" class="delivery-request">
        <span>{`${delivery.method} · ${formatBytes(delivery.bodyBytes)} · ${delivery.durationMs} ms`}</span>
        {delivery.source && <div class="hint">{`from ${delivery.source}`}</div>}
        <Headers delivery={delivery} />
      </td>
    </tr>
  );
}

export function DeliveryLog({ deliveries, clock }: { deliveries: DeliveryView[]; clock: Clock }) {
  return (
    <table class="deliveries">
      <caption class="visually-hidden">Requests to this webhook's URL, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">Outcome</th>
          <th scope="col">Result</th>
          <th scope="col">Request</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <Row delivery={delivery} clock={clock} />
        ))}
      </tbody>
    </table>
  );
}
