/**
 * `hookgate render`, the work: a template or preset run over a request offline exactly as the
 * gateway would (parse, map, validate, handshakes); prints the events or the error with its line
 * and column.
 */
import { readFileSync } from 'node:fs';
import { buildContext } from '../core/context';
import { answerHandshake } from '../core/handshake';
import { checkMapping } from '../core/map';
import { translate } from '../core/pipeline';
import { applyPreset } from '../core/presets/apply';
import { findPreset, presetNames } from '../core/presets/catalog';
import { receive } from '../core/receive';
import { DEFAULT_RENDER_LIMITS } from '../core/template/budget';
import { createTemplateCache } from '../core/template/cache';
import { compileTemplate } from '../core/template/compiled';
import type { VerifiedRequest } from '../core/verify';
import { sampleToRequest } from '../routes/sample-request';
import { describeIssues } from '../schemas/issues';
import { type Webhook, WebhookCreate } from '../schemas/webhook';
import type { CliContext } from './context';
import { CliError } from './errors';
import { print } from './output';
import { loadRequest } from './request-file';

/** The id offline renders use for the webhook (its related resource and delivery-id based ids). */
export const RENDER_WEBHOOK_ID = '00000000-0000-4000-8000-000000000000';

export interface RenderFlags {
  template?: string;
  preset?: string;
  request?: string;
  body?: string;
  header?: string[];
  method?: string;
  idFrom?: string;
  webhookId?: string;
}

function webhookFor(flags: RenderFlags): Webhook {
  if (Boolean(flags.template) === Boolean(flags.preset)) throw new CliError('give one of --template FILE and --preset NAME');
  let input: unknown = {
    name: 'render',
    mapping: { kind: 'template', template: flags.template && readTemplate(flags.template) },
  };
  // Offline there is no signature to check: the preset's mapping is run without its verification.
  if (flags.preset)
    input = applyPreset({ name: 'render', preset: flags.preset, verify: { scheme: 'none' } }, findPreset, presetNames);
  if (flags.idFrom) input = { ...(input as object), idFrom: flags.idFrom };
  const parsed = WebhookCreate.safeParse(input);
  if (!parsed.success) throw new CliError(describeIssues(parsed.error.issues));
  const now = new Date().toISOString();
  return { ...parsed.data, id: flags.webhookId ?? RENDER_WEBHOOK_ID, slug: 'render', created: now, updated: now };
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

export async function runRender(flags: RenderFlags, { out }: CliContext): Promise<void> {
  const webhook = webhookFor(flags);
  const deps = { renderLimits: DEFAULT_RENDER_LIMITS, compile: createTemplateCache(compileTemplate) };
  checkMapping(webhook.mapping, deps);
  const sample = loadRequest(flags);
  const received = await receive(sampleToRequest({ ...sample, body: sample.body }), Number.MAX_SAFE_INTEGER, Date.now());
  const verified = received as VerifiedRequest; // offline: nothing to verify
  const parts = buildContext(verified, webhook);
  const answer = answerHandshake(webhook, verified, parts.context);
  if (answer) {
    const body = await answer.text();
    print(
      out,
      { handshake: { status: answer.status, body } },
      () => `The gateway answers this handshake: ${answer.status}\n${body}`,
    );
    return;
  }
  const translation = translate(webhook, verified, deps, parts);
  if (!translation.ok) {
    const { error } = translation;
    const rendered = error.rendered ? `\nThe template rendered:\n${error.rendered}` : '';
    throw new CliError(`${error.code}: ${error.detail}${rendered}`);
  }
  print(out, translation.events, () => JSON.stringify(translation.events, null, 2));
}
