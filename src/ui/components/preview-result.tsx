/** What a preview gives: the events, or the error with its line and column (and a way to get there). */
import type { PreviewOutcome } from '../preview';

export function PreviewResult({ outcome }: { outcome: PreviewOutcome | undefined }) {
  if (!outcome) return <p class="hint">Edit the mapping or pick a sample to see what it makes.</p>;
  if (outcome.ok && outcome.handshake) {
    const { status, body } = outcome.handshake;
    return (
      <div class="preview-result">
        <p class="notice" role="status">
          {`A handshake: the webhook answers it itself (HTTP ${status}) and makes no event`}
        </p>
        {body !== '' && (
          <pre tabindex={0}>
            <code>{body}</code>
          </pre>
        )}
      </div>
    );
  }
  if (outcome.ok) {
    const count = outcome.events.length;
    return (
      <div class="preview-result">
        <p class="notice" role="status">
          {count === 1 ? 'Renders 1 event' : `Renders ${count} events`}
        </p>
        <pre tabindex={0}>
          <code>{JSON.stringify(count === 1 ? outcome.events[0] : outcome.events, null, 2)}</code>
        </pre>
      </div>
    );
  }
  const { error, rendered } = outcome;
  const hasPosition = error.line !== undefined && error.column !== undefined;
  return (
    <div class="preview-result">
      <div class="notice error" role="alert">
        <p>
          <strong>{error.title}</strong> <code>{error.code}</code>
        </p>
        {hasPosition && <p class="error-position">{`Line ${error.line}, column ${error.column}`}</p>}
        <p>{hasPosition ? error.detail.replace(/^line \d+, column \d+: /, '') : error.detail}</p>
        {hasPosition && (
          <button type="button" class="secondary" data-goto-line={String(error.line)} data-goto-column={String(error.column)}>
            {`Go to line ${error.line}, column ${error.column}`}
          </button>
        )}
      </div>
      {rendered !== undefined && (
        <>
          <h3>Rendered text</h3>
          <pre tabindex={0}>
            <code>{rendered}</code>
          </pre>
        </>
      )}
    </div>
  );
}
