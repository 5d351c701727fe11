/** Creating a webhook: from a provider preset, or from a mapping kind to write yourself. */
import type { Preset } from '../../core/presets/preset';
import { PresetPicker } from '../components/preset-picker';
import { Layout } from './layout';

export interface NewWebhookForm {
  name: string;
  description: string;
  source: string;
}

export interface NewWebhookProps {
  csrf: string;
  presets: readonly Preset[];
  form: NewWebhookForm;
  error?: string;
}

const KINDS: [string, string][] = [
  ['template', 'Template — write a Handlebars template'],
  ['static', 'Static — the same event for every request'],
  ['cloudevents', 'CloudEvents — each CloudEvent becomes an event'],
];

export function NewWebhookPage({ csrf, presets, form, error }: NewWebhookProps) {
  return (
    <Layout title="New webhook" section="webhooks" csrf={csrf}>
      <p>
        <a href="/ui/webhooks">← Webhooks</a>
      </p>
      <h1>New webhook</h1>
      {error && (
        <p class="notice error" role="alert" id="create-error">
          {error}
        </p>
      )}
      <form class="panel" method="post" action="/ui/webhooks">
        <input type="hidden" name="_csrf" value={csrf} />
        <p>
          <label for="name">Name</label>
          <input id="name" name="name" required maxlength={5000} value={form.name} />
        </p>
        <p>
          <label for="description">Description</label>
          <input id="description" name="description" maxlength={5000} value={form.description} />
        </p>
        <p>
          <label for="source">Start from</label>
          <select id="source" name="source" aria-describedby="source-hint">
            <optgroup label="Your own mapping">
              {KINDS.map(([value, text]) => (
                <option value={`kind:${value}`} selected={form.source === `kind:${value}`}>
                  {text}
                </option>
              ))}
            </optgroup>
            <optgroup label="Provider presets">
              {presets.map((preset) => (
                <option value={`preset:${preset.name}`} selected={form.source === `preset:${preset.name}`}>
                  {`${preset.title} (${preset.verify.scheme})`}
                </option>
              ))}
            </optgroup>
          </select>
          <span class="hint" id="source-hint">
            A preset brings the provider's verification, delivery id and a mapping template you can edit afterwards.
          </span>
        </p>
        <PresetPicker presets={presets} />
        <p>
          <label for="secret">Secret</label>
          <input id="secret" name="secret" type="password" autocomplete="new-password" aria-describedby="secret-hint" />
          <span class="hint" id="secret-hint">
            For a preset, the signing secret you also give the provider (Discord, SendGrid: the public key; Amazon SNS: a topic
            ARN to accept; Asana, Notion: leave empty, the provider's handshake sets it). For your own mapping, leave it empty to
            let the URL be the secret, or give one the sender sends as <code>Authorization: Bearer …</code>. It is never shown
            again.
          </span>
        </p>
        <div class="buttons">
          <button type="submit">Create webhook</button>
          <a href="/ui/webhooks">Cancel</a>
        </div>
      </form>
    </Layout>
  );
}
