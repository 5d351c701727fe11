/** The outcome of "Replay failures": what now maps (and was stored), what still fails, what was skipped. */
import type { ReplayReport } from '../../core/replay';

export function ReplayResult({ report }: { report: ReplayReport }) {
  const replayed = report.replayed.length;
  const events = report.replayed.reduce((sum, item) => sum + item.events.length, 0);
  return (
    <div class={report.failed.length > 0 ? 'notice error' : 'notice'} role="status" id="replay-result">
      <p>
        {`Replayed ${replayed} of ${report.total} failed request${report.total === 1 ? '' : 's'}: `}
        {`${events} event${events === 1 ? '' : 's'} (${report.written} new, ${report.duplicates} already stored).`}
      </p>
      {report.failed.length > 0 && (
        <>
          <p>{`${report.failed.length} still fail${report.failed.length === 1 ? 's' : ''}:`}</p>
          <ul>
            {report.failed.map((item) => (
              <li>
                <a href={`/ui/events/${item.failure}`}>{item.failure.slice(0, 8)}</a> <code>{item.error.code}</code>{' '}
                {item.error.detail}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.skipped.length > 0 && (
        <p>{`${report.skipped.length} skipped: the failure kept only part of the body, or no request.`}</p>
      )}
      {replayed > 0 && (
        <ul>
          {report.replayed.flatMap((item) =>
            item.events.map((id) => (
              <li>
                <a href={`/ui/events/${id}`}>{`Event ${id}`}</a>
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
