/**
 * `hookgate render`, the work: a template or preset run over a request offline exactly as the
 * gateway would (parse, map, validate, handshakes); prints the events or the error with its line
 * and column.
 */
import { readFileSync } from 'node:fs';
import { compileTemplate } from '../adapter/node/template-compiler';
import { dryRun } from '../core/dry-run';
import { checkMapping } from '../core/map';
import { applyPreset } from '../core/presets/apply';
import { findPreset, presetNames } from '../core/presets/catalog';
import { sampleToRequest } from '../core/sample-request';
import { DEFAULT_RENDER_LIMITS } from '../core/template/budget';
import { createTemplateCache } from '../core/template/cache';
import { describeIssues } from '../schemas/issues';
import { SampleRequest, type Webhook, WebhookCreate } from '../schemas/webhook';
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
  const deps = {
    renderLimits: DEFAULT_RENDER_LIMITS,
    compile: createTemplateCache(compileTemplate),
    maxBodyBytes: Number.MAX_SAFE_INTEGER,
    now: Date.now,
  };
  checkMapping(webhook.mapping, deps);
  // Offline there is no signature to check: the gateway's dry run with verification off.
  const sample = SampleRequest.safeParse(loadRequest(flags));
  if (!sample.success) throw new CliError(`the request is not one a sender could make: ${describeIssues(sample.error.issues)}`);
  const outcome = await dryRun(webhook, sampleToRequest(sample.data), deps, { verify: false });
  if (outcome.kind === 'handshake') {
    const { status, body } = outcome.answer;
    print(out, { handshake: outcome.answer }, () => `The gateway answers this handshake: ${status}\n${body}`);
    return;
  }
  if (outcome.kind === 'failed') {
    const rendered = outcome.rendered ? `\nThe template rendered:\n${outcome.rendered}` : '';
    throw new CliError(`${outcome.error.code}: ${outcome.error.detail}${rendered}`);
  }
  print(out, outcome.events, () => JSON.stringify(outcome.events, null, 2));
}
