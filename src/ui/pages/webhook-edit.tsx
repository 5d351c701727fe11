/**
 * One webhook: its URL and settings, its activity (requests by outcome, the delivery log), the
 * mapping editor with live preview, "Replay failures" once the mapping is fixed, and rotate /
 * delete (each behind a confirmation page).
 */
import type { FailureStates, ReplayReport } from '../../core/replay';
import type { WebhookView } from '../../http/webhook-view';
import { ActivityPanel, type ActivityView } from '../components/activity-panel';
import { CopyButton } from '../components/copy-button';
import { EnabledToggle } from '../components/enabled-toggle';
import { JsonView } from '../components/json-view';
import { type EditorState, MappingEditor } from '../components/mapping-editor';
import { ReplayPanel } from '../components/replay-panel';
import { ReplayResult } from '../components/replay-result';
import { type Clock, Time } from '../components/time';
import type { LastRequest } from '../samples';
import { Layout } from './layout';

export interface WebhookEditProps {
  view: WebhookView;
  csrf: string;
  clock: Clock;
  editor: EditorState;
  hasPresetSample: boolean;
  last: LastRequest | undefined;
  /** Failure events of this webhook in the replay window: replayed, to replay, not replayable. */
  failures: FailureStates;
  activity: ActivityView;
  notice?: string;
  replay?: ReplayReport;
  /** A read-only session (a `read` key): no editor, toggle, replay, rotate or delete. */
  readOnly?: boolean;
}

function Settings({ view, csrf, clock, readOnly }: { view: WebhookView; csrf: string; clock: Clock; readOnly?: boolean }) {
  const verify = view.verify as { scheme: string; secretHints?: string[] };
  return (
    <dl class="facts panel">
      <dt>URL</dt>
      <dd class="url-line">
        <code>{view.url}</code> <CopyButton value={view.url} label="Copy the webhook URL" />
      </dd>
      <dt>Enabled</dt>
      <dd>
        {readOnly ? (
          view.enabled ? (
            'yes'
          ) : (
            'no'
          )
        ) : (
          <EnabledToggle id={view.id} name={view.name} enabled={view.enabled} csrf={csrf} back={`/ui/webhooks/${view.id}`} />
        )}
      </dd>
      {view.description && (
        <>
          <dt>Description</dt>
          <dd>{view.description}</dd>
        </>
      )}
      <dt>Mapping</dt>
      <dd>{view.preset ? `${view.mapping.kind} (from the ${view.preset} preset)` : view.mapping.kind}</dd>
      <dt>Verification</dt>
      <dd>
        {verify.scheme}
        {verify.secretHints && verify.secretHints.length > 0 && (
          <span class="hint">{` secrets ${verify.secretHints.join(', ')}`}</span>
        )}
      </dd>
      <dt>Delivery id</dt>
      <dd>{view.idFrom ? <code>{view.idFrom}</code> : 'none'}</dd>
      <dt>Updated</dt>
      <dd>
        <Time iso={view.updated} clock={clock} />
      </dd>
    </dl>
  );
}

export function WebhookEditPage(props: WebhookEditProps) {
  const { view, csrf } = props;
  const kind = view.mapping.kind;
  return (
    <Layout title={view.name} section="webhooks" csrf={csrf}>
      <p>
        <a href="/ui/webhooks">← Webhooks</a>
      </p>
      <h1>{view.name}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Settings view={view} csrf={csrf} clock={props.clock} readOnly={props.readOnly} />
      <ActivityPanel {...props.activity} />
      <section class="panel" aria-labelledby="mapping-title">
        <h2 id="mapping-title">Mapping</h2>
        {kind === 'cloudevents' || props.readOnly ? (
          <>
            <p>
              {props.readOnly
                ? 'Signed in with a read-only key: the mapping is shown, not editable.'
                : 'Each CloudEvent of a request becomes one event: there is no template to edit.'}
            </p>
            <JsonView value={view.mapping} summary="Mapping" open />
          </>
        ) : (
          <MappingEditor
            id={view.id}
            kind={kind}
            csrf={csrf}
            state={props.editor}
            hasPresetSample={props.hasPresetSample}
            last={props.last}
          />
        )}
      </section>
      {!props.readOnly && (
        <>
          <section class="panel" aria-labelledby="replay-title">
            <h2 id="replay-title">Replay failures</h2>
            {props.replay && <ReplayResult report={props.replay} />}
            <ReplayPanel webhookId={view.id} csrf={csrf} states={props.failures} />
          </section>
          <section class="panel danger-zone" aria-labelledby="danger-title">
            <h2 id="danger-title">Rotate or delete</h2>
            <div class="buttons">
              <a class="button secondary" href={`/ui/webhooks/${view.id}/rotate`}>
                Rotate URL…
              </a>
              <a class="button secondary" href={`/ui/webhooks/${view.id}/delete`}>
                Delete webhook…
              </a>
            </div>
          </section>
        </>
      )}
    </Layout>
  );
}
