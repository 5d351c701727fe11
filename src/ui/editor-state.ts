/**
 * The mapping editor's state: from the stored webhook (first visit), from the posted form (save,
 * preview without script) or from the client script's JSON (preview as you type); and the sample
 * request that state picks.
 */
import { z } from 'zod';
import type { SampleRequest, Webhook } from '../schemas/webhook';
import type { EditorState } from './components/mapping-editor';
import { type LastRequest, pastedSample, presetSample, type SampleSource } from './samples';

const MAX_FIELD_CHARS = 1_000_000;
const Text = z.string().max(MAX_FIELD_CHARS).catch('').default('');

/** What the editor form (or the script) sends. */
export const EditorInput = z.object({
  mapping_text: Text,
  sample: z.enum(['preset', 'last', 'pasted']).catch('pasted').default('pasted'),
  method: Text,
  headers: Text,
  body: Text,
});

export function mappingText(webhook: Webhook): string {
  const { mapping } = webhook;
  if (mapping.kind === 'template') return mapping.template;
  if (mapping.kind === 'static') return JSON.stringify(mapping.event, null, 2);
  return '';
}

/** The editor as a first visit shows it: the stored mapping, the best sample there is. */
export function initialState(webhook: Webhook, last: LastRequest | undefined): EditorState {
  const source: SampleSource = last ? 'last' : presetSample(webhook) ? 'preset' : 'pasted';
  return {
    text: mappingText(webhook),
    sample: source,
    method: 'POST',
    headers: 'content-type: application/json',
    body: '{"action": "created", "id": 1}',
  };
}

export function stateFrom(input: unknown): EditorState {
  const parsed = EditorInput.parse(input ?? {});
  return { text: parsed.mapping_text, sample: parsed.sample, method: parsed.method, headers: parsed.headers, body: parsed.body };
}

/** Why the state has no sample to preview on: none of that kind, or a pasted one that cannot be sent. */
export interface NoSample {
  code: 'no-sample' | 'validation-failed';
  title: string;
  detail: string;
}

/** The sample request the state picks, or why there is none. */
export function sampleOf(
  state: EditorState,
  webhook: Webhook,
  last: LastRequest | undefined,
): { sample: SampleRequest } | { none: NoSample } {
  const missing = (detail: string): { none: NoSample } => ({ none: { code: 'no-sample', title: 'No sample', detail } });
  if (state.sample === 'preset') {
    const sample = presetSample(webhook);
    return sample ? { sample } : missing('This webhook has no preset sample: pick another sample.');
  }
  if (state.sample === 'last') {
    return last ? { sample: last.sample } : missing('No request stored yet: pick another sample.');
  }
  const pasted = pastedSample(state);
  if ('sample' in pasted) return pasted;
  return { none: { code: 'validation-failed', title: 'The pasted request is not valid', detail: pasted.invalid } };
}
