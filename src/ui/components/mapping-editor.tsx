/**
 * The mapping editor: the template (or static event) text, a sample request to try it on — the
 * preset's, the last one received, or a pasted one — and the preview, live as you type (script) or
 * with the Preview button (no script). Save sends the mapping through the webhooks API. On wide
 * screens the preview sits beside the inputs and stays in view while they scroll (CSS).
 */
import type { Mapping } from '../../schemas/mapping';
import type { PreviewOutcome } from '../preview';
import type { LastRequest, SampleSource } from '../samples';
import { JsonView } from './json-view';
import { PreviewResult } from './preview-result';

export interface EditorState {
  text: string;
  sample: SampleSource;
  method: string;
  headers: string;
  body: string;
  preview?: PreviewOutcome;
  /** A save refused by the API (e.g. a template that cannot parse). */
  saveError?: string;
}

export interface MappingEditorProps {
  id: string;
  kind: Exclude<Mapping['kind'], 'cloudevents'>;
  csrf: string;
  state: EditorState;
  hasPresetSample: boolean;
  last: LastRequest | undefined;
}

function SampleRadio({
  value,
  state,
  disabled,
  children,
}: {
  value: SampleSource;
  state: EditorState;
  disabled?: boolean;
  children: string;
}) {
  return (
    <label>
      <input type="radio" name="sample" value={value} checked={state.sample === value} disabled={disabled} /> {children}
    </label>
  );
}

export function MappingEditor({ id, kind, csrf, state, hasPresetSample, last }: MappingEditorProps) {
  return (
    <form method="post" action={`/ui/webhooks/${id}/mapping`} data-preview-url={`/ui/webhooks/${id}/preview`} class="editor">
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="editor-input">
        <label for="mapping-text">{kind === 'template' ? 'Template (Handlebars that renders JSON)' : 'Event (JSON)'}</label>
        <textarea
          id="mapping-text"
          name="mapping_text"
          class="code"
          wrap="off"
          spellcheck={false}
          autocapitalize="off"
          aria-describedby="editor-hint"
          aria-invalid={state.saveError ? 'true' : undefined}
        >
          {state.text}
        </textarea>
        <p class="hint" id="editor-hint">
          Tab indents; press Escape, then Tab, to move on.
        </p>
        {state.saveError && (
          <p class="notice error" role="alert">
            {state.saveError}
          </p>
        )}
        <div class="buttons">
          <button type="submit" name="intent" value="save">
            Save mapping
          </button>
          <button type="submit" name="intent" value="preview" class="secondary">
            Preview
          </button>
        </div>
        <fieldset class="sample-choice">
          <legend>Sample request</legend>
          <SampleRadio value="preset" state={state} disabled={!hasPresetSample}>
            Preset's sample
          </SampleRadio>
          <SampleRadio value="last" state={state} disabled={!last}>
            Last received
          </SampleRadio>
          <SampleRadio value="pasted" state={state}>
            Pasted
          </SampleRadio>
        </fieldset>
        {last ? (
          <JsonView value={last.sample} summary="The last request received" />
        ) : (
          <p class="hint">No stored request yet: hookgate keeps requests in failure events and in default payloads.</p>
        )}
        <div class="pasted">
          <label for="sample-method">Method</label>
          <input id="sample-method" name="method" value={state.method} size={8} />
          <label for="sample-headers">Headers (one "Name: value" a line)</label>
          <textarea id="sample-headers" name="headers" class="code" rows={3} spellcheck={false}>
            {state.headers}
          </textarea>
          <label for="sample-body">Body</label>
          <textarea id="sample-body" name="body" class="code" rows={8} spellcheck={false}>
            {state.body}
          </textarea>
        </div>
      </div>
      <div class="editor-output">
        <h3 id="preview-title">Preview</h3>
        <p class="hint" id="preview-hint">
          The preview runs the mapping on the sample without checking its signature: it shows what the mapping makes. The dry run
          of the API (<code>hookgate webhooks test</code>) checks it as the live URL does.
        </p>
        <section id="preview" class="preview" aria-live="polite" aria-labelledby="preview-title" aria-describedby="preview-hint">
          <PreviewResult outcome={state.preview} />
        </section>
      </div>
    </form>
  );
}
