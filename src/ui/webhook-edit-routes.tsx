/**
 * One webhook's page and its actions: save the mapping, preview a draft (page or fragment), replay
 * failures, rotate, delete. Reads use the store; every change goes through the webhook rules
 * (`core/webhooks.ts`), the same ones the API calls.
 */
import { Hono } from 'hono';
import { failureFilter, type ReplayReport } from '../core/replay';
import { createTemplateCache } from '../core/template/cache';
import { deleteWebhook, replayWebhook, rotateWebhook, updateWebhook } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { webhookView } from '../http/webhook-view';
import { HookgateError, NotFoundError } from '../lib/errors';
import { isUuid } from '../lib/ids';
import { microsFromMillis } from '../lib/time';
import { EventFilter, resolveFilter } from '../schemas/filter';
import { ReplayRequest } from '../schemas/replay';
import type { Webhook } from '../schemas/webhook';
import type { EditorState } from './components/mapping-editor';
import { PreviewResult } from './components/preview-result';
import { initialState, sampleOf, stateFrom } from './editor-state';
import { canManage, clockOf, type UiContext, type UiEnv } from './env';
import { ConfirmPage } from './pages/confirm';
import { NotFoundPage } from './pages/not-found';
import { WebhookEditPage } from './pages/webhook-edit';
import { draftMapping, previewError, previewMapping } from './preview';
import { lastRequest, presetSample } from './samples';
import { NOTICES, originOf } from './webhook-routes';

/** Draft templates compiled for previews: a few, kept apart from the pipeline's cache. */
const DRAFT_CACHE_SIZE = 20;

export function createWebhookEditRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const previewDeps = { pipeline: deps.pipeline, compileDraft: createTemplateCache(deps.compileTemplate, DRAFT_CACHE_SIZE) };

  const load = async (id: string) => (isUuid(id) ? deps.store.getWebhook(id.toLowerCase()) : undefined);
  const notFound = (c: UiContext) =>
    c.html(<NotFoundPage csrf={c.get('csrf')} what="No webhook with that id." back="/ui/webhooks" section="webhooks" />, 404);

  const preview = async (webhook: Webhook, state: EditorState, last: Awaited<ReturnType<typeof lastRequest>>) => {
    if (webhook.mapping.kind === 'cloudevents') return undefined;
    const draft = draftMapping(webhook.mapping.kind, state.text);
    if ('outcome' in draft) return draft.outcome;
    const sample = sampleOf(state, webhook, last);
    if ('none' in sample) return previewError(sample.none.code, sample.none.title, sample.none.detail);
    return previewMapping(webhook, draft.mapping, sample.sample, previewDeps);
  };

  const render = async (
    c: UiContext,
    webhook: Webhook,
    options: { state?: EditorState; notice?: string; replay?: ReplayReport; status?: 200 | 422 } = {},
  ) => {
    const nowMs = deps.now();
    const last = await lastRequest(deps.store, webhook, nowMs);
    const state = options.state ?? initialState(webhook, last);
    state.preview ??= await preview(webhook, state, last);
    const window = resolveFilter(EventFilter.parse({}), microsFromMillis(nowMs)).occurred;
    const failures = await deps.store.queryEvents(failureFilter(webhook, { occurred: window }), { limit: 0, offset: 0 });
    const page = (
      <WebhookEditPage
        view={webhookView(webhook, deps.publicUrl ?? originOf(c))}
        csrf={c.get('csrf')}
        clock={clockOf(c, nowMs)}
        editor={state}
        hasPresetSample={presetSample(webhook) !== undefined}
        last={last}
        failures={failures.total}
        notice={options.notice}
        replay={options.replay}
        readOnly={!canManage(c)}
      />
    );
    return c.html(page, options.status ?? 200);
  };

  app.get('/webhooks/:id', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    return render(c, webhook, { notice: NOTICES[c.req.query('done') ?? ''] });
  });

  app.post('/webhooks/:id/mapping', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    const form = await c.req.parseBody();
    const state = stateFrom(form);
    if (form.intent === 'preview' || webhook.mapping.kind === 'cloudevents') return render(c, webhook, { state });
    const draft = draftMapping(webhook.mapping.kind, state.text);
    if ('outcome' in draft) {
      return render(c, webhook, {
        state: { ...state, saveError: 'Not saved: fix the error below.', preview: draft.outcome },
        status: 422,
      });
    }
    try {
      await updateWebhook(webhook, { mapping: draft.mapping }, { ...deps, actor: c.get('actor') });
    } catch (error) {
      if (!(error instanceof HookgateError)) throw error;
      return render(c, webhook, { state: { ...state, saveError: `Not saved: ${error.detail}` }, status: 422 });
    }
    return c.redirect(`/ui/webhooks/${webhook.id}?done=saved`, 303);
  });

  app.post('/webhooks/:id/preview', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) throw new NotFoundError('webhook-not-found', 'no webhook with that id');
    const state = stateFrom(await c.req.json().catch(() => ({})));
    const outcome = await preview(webhook, state, await lastRequest(deps.store, webhook, deps.now()));
    return c.html(<PreviewResult outcome={outcome} />);
  });

  app.post('/webhooks/:id/replay', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    const report = await replayWebhook(webhook, ReplayRequest.parse({}), { ...deps, actor: c.get('actor') });
    // Replay is idempotent, so the result can be the answer to the POST itself (a reload re-runs it harmlessly).
    return render(c, webhook, { replay: report });
  });

  app.get('/webhooks/:id/rotate', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    const page = (
      <ConfirmPage
        csrf={c.get('csrf')}
        title={`Rotate the URL of ${webhook.name}?`}
        action={`/ui/webhooks/${webhook.id}/rotate`}
        button="Rotate URL"
        cancel={`/ui/webhooks/${webhook.id}`}
      >
        <p>The webhook gets a new URL; the current one answers 404 at once. Give the new URL to the sender.</p>
      </ConfirmPage>
    );
    return c.html(page);
  });

  app.post('/webhooks/:id/rotate', async (c) => {
    const form = await c.req.parseBody();
    const id = c.req.param('id');
    if (form.confirm !== 'yes') return c.redirect(`/ui/webhooks/${encodeURIComponent(id)}/rotate`, 303);
    const webhook = await load(id);
    if (!webhook) return notFound(c);
    await rotateWebhook(webhook, { ...deps, actor: c.get('actor') });
    return c.redirect(`/ui/webhooks/${encodeURIComponent(id)}?done=rotated`, 303);
  });

  app.get('/webhooks/:id/delete', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    const page = (
      <ConfirmPage
        csrf={c.get('csrf')}
        title={`Delete ${webhook.name}?`}
        action={`/ui/webhooks/${webhook.id}/delete`}
        button="Delete webhook"
        cancel={`/ui/webhooks/${webhook.id}`}
      >
        <p>Its URL answers 404 at once. The events it stored are kept.</p>
      </ConfirmPage>
    );
    return c.html(page);
  });

  app.post('/webhooks/:id/delete', async (c) => {
    const form = await c.req.parseBody();
    const id = c.req.param('id');
    if (form.confirm !== 'yes') return c.redirect(`/ui/webhooks/${encodeURIComponent(id)}/delete`, 303);
    const webhook = await load(id);
    if (!webhook) return notFound(c);
    await deleteWebhook(webhook, { ...deps, actor: c.get('actor') });
    return c.redirect('/ui/webhooks?done=deleted', 303);
  });

  return app;
}
