/**
 * Webhook rules (DESIGN §2, §7): create, change, rotate, delete, dry-run and replay, with their
 * save-time checks. Functions of `(input, deps)` that return a webhook or throw from the error tree;
 * the API routes and the UI pages both call them, so there is one set of rules.
 */
import { HookgateError, InputError, NotFoundError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import { randomToken } from '../lib/secrets';
import { formatTimestamp, microsFromMillis } from '../lib/time';
import { EventFilter, resolveFilter } from '../schemas/filter';
import { parseWith } from '../schemas/issues';
import type { Mapping } from '../schemas/mapping';
import { MAX_REPLAY_FAILURES, type ReplayRequest } from '../schemas/replay';
import { Verify, type VerifyPatch } from '../schemas/verify';
import { type SampleRequest, type SuccessResponse, type Webhook, WebhookCreate, WebhookPatch } from '../schemas/webhook';
import type { ApiKeyStore, EventStore, WebhookStore } from '../store/types';
import { type Actor, type WebhookAction, webhookAudit } from './audit';
import { type DryRunOutcome, dryRun, type HandshakeAnswer } from './dry-run';
import { checkMapping } from './map';
import type { PipelineDeps } from './pipeline';
import { applyPreset } from './presets/apply';
import { findPreset, presetNames } from './presets/catalog';
import { type FailureStates, failureStates, type ReplayReport, replayFailures } from './replay';
import { sampleToRequest } from './sample-request';
import { TemplateSyntaxError } from './template/errors';

/** 16 random bytes: 128 bits, 22 URL-safe characters. */
export const SLUG_BYTES = 16;

export interface WebhookRulesDeps {
  store: WebhookStore & EventStore & Pick<ApiKeyStore, 'applyChange'>;
  pipeline: PipelineDeps;
  /** Who makes the change: named in its audit event. */
  actor: Actor;
}

const stamp = (deps: WebhookRulesDeps) => formatTimestamp(microsFromMillis(deps.pipeline.now()));

function templateError(path: string, error: unknown): never {
  if (!(error instanceof TemplateSyntaxError)) throw error;
  throw new InputError(422, 'invalid-template', `${path}: ${error.detail}`, {
    line: error.line,
    column: error.column,
    issues: [{ path, message: error.detail }],
  });
}

/** Save-time checks: the mapping, and the success response's template, must compile. */
function checkSaved(mapping: Mapping | undefined, response: SuccessResponse | null | undefined, deps: PipelineDeps): void {
  try {
    if (mapping) checkMapping(mapping, deps);
  } catch (error) {
    templateError('mapping.template', error);
  }
  try {
    if (response?.body) deps.compile(response.body);
  } catch (error) {
    templateError('response.body', error);
  }
}

/**
 * Secrets are write-only, so a PATCH that keeps the scheme may leave them out to keep the
 * current ones (`{"verify": {"scheme": "bearer"}}` after a GET shows only hints); public keys too.
 */
function mergeVerify(next: VerifyPatch, current: Verify): Verify {
  const merged: Record<string, unknown> = { ...next };
  if (next.scheme === current.scheme) {
    for (const key of ['secrets', 'publicKeys'] as const) {
      if (merged[key] === undefined && key in current) merged[key] = (current as Record<string, unknown>)[key];
    }
  }
  return parseWith(Verify, merged, ['verify']);
}

/** The webhook with this id, or 404 `webhook-not-found`. */
export async function loadWebhook(id: string, deps: Pick<WebhookRulesDeps, 'store'>): Promise<Webhook> {
  const webhook = isUuid(id) ? await deps.store.getWebhook(id.toLowerCase()) : undefined;
  if (!webhook) throw new NotFoundError('webhook-not-found', `no webhook with id ${id.slice(0, 64)}`);
  return webhook;
}

/** Creates a webhook from API input (a preset expands first); 422 when it does not validate. */
export async function createWebhook(input: unknown, deps: WebhookRulesDeps): Promise<Webhook> {
  const parsed = parseWith(WebhookCreate, applyPreset(input, findPreset, presetNames));
  checkSaved(parsed.mapping, parsed.response, deps.pipeline);
  const created = stamp(deps);
  const webhook: Webhook = { ...parsed, id: crypto.randomUUID(), slug: randomToken(SLUG_BYTES), created, updated: created };
  await deps.store.applyChange(
    { kind: 'webhook.create', webhook },
    webhookAudit('created', webhook, deps.actor, deps.pipeline.now()),
  );
  return webhook;
}

/** Applies a partial change; `verify` keeps the stored secrets when the scheme stays the same. */
export async function updateWebhook(current: Webhook, input: unknown, deps: WebhookRulesDeps): Promise<Webhook> {
  const patch = parseWith(WebhookPatch, input);
  checkSaved(patch.mapping, patch.response, deps.pipeline);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const verify = patch.verify && mergeVerify(patch.verify, current.verify);
  const webhook: Webhook = { ...current, ...defined, ...(verify && { verify }), updated: stamp(deps) };
  const fields = Object.keys(defined);
  const toggled = fields.length === 1 && fields[0] === 'enabled' && webhook.enabled !== current.enabled;
  const action: WebhookAction = toggled ? (webhook.enabled ? 'enabled' : 'disabled') : 'updated';
  const audit = webhookAudit(action, webhook, deps.actor, deps.pipeline.now(), toggled ? undefined : fields);
  await deps.store.applyChange({ kind: 'webhook.update', webhook }, audit);
  return webhook;
}

/** A new slug: the old URL answers 404 from now on. */
export async function rotateWebhook(current: Webhook, deps: WebhookRulesDeps): Promise<Webhook> {
  const webhook: Webhook = { ...current, slug: randomToken(SLUG_BYTES), updated: stamp(deps) };
  await deps.store.applyChange(
    { kind: 'webhook.update', webhook },
    webhookAudit('rotated', webhook, deps.actor, deps.pipeline.now()),
  );
  return webhook;
}

export async function deleteWebhook(webhook: Webhook, deps: WebhookRulesDeps): Promise<void> {
  await deps.store.applyChange(
    { kind: 'webhook.delete', id: webhook.id },
    webhookAudit('deleted', webhook, deps.actor, deps.pipeline.now()),
  );
}

export type DryRunAnswer = { events: unknown[]; handshake?: HandshakeAnswer };

/**
 * A failed dry run as an error: the problem the sender would get (`liveStatus`), plus what the
 * template rendered. A verification failure is 422, not its live 401, which would tell an API
 * client that its admin token was refused.
 */
function dryRunProblem({ stage, error, rendered }: Extract<DryRunOutcome, { kind: 'failed' }>): HookgateError {
  const status = stage === 'verify' ? 422 : error.status;
  return new HookgateError(status, error.code, error.title, error.detail, {
    ...error.extras,
    liveStatus: error.status,
    rendered: rendered ?? null,
  });
}

/** What the live endpoint would do with `sample` (verification included), storing nothing. */
export async function testWebhook(webhook: Webhook, sample: SampleRequest, deps: WebhookRulesDeps): Promise<DryRunAnswer> {
  const outcome = await dryRun(webhook, sampleToRequest(sample), deps.pipeline, { verify: true });
  if (outcome.kind === 'events') return { events: outcome.events };
  if (outcome.kind === 'handshake') return { events: [], handshake: outcome.answer };
  throw dryRunProblem(outcome);
}

/** Re-runs stored failed requests through the current mapping, within Prefect's default window unless given one. */
export async function replayWebhook(webhook: Webhook, request: ReplayRequest, deps: WebhookRulesDeps): Promise<ReplayReport> {
  const { ids, since, until, limit } = request;
  const { occurred } = resolveFilter(EventFilter.parse({ occurred: { since, until } }), microsFromMillis(deps.pipeline.now()));
  return replayFailures(webhook, { occurred, ids, limit }, { ...deps.pipeline, store: deps.store });
}

/** Where the webhook's failures in the default replay window stand (see `failureStates`). */
export async function webhookFailureStates(
  webhook: Webhook,
  deps: Pick<WebhookRulesDeps, 'store' | 'pipeline'>,
): Promise<FailureStates> {
  const { occurred } = resolveFilter(EventFilter.parse({}), microsFromMillis(deps.pipeline.now()));
  return failureStates(webhook, { occurred, limit: MAX_REPLAY_FAILURES }, { ...deps.pipeline, store: deps.store });
}
