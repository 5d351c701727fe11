/**
 * One webhook's page and its actions: the page (with its activity view in the query), the activity
 * fragment live mode polls, save the mapping, preview a draft (page or fragment), replay failures.
 * Rotate and delete are in `webhook-confirm-routes.tsx`; rendering in `webhook-page.tsx`.
 */
import { Hono } from 'hono';
import { replayWebhook, updateWebhook } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { HookgateError, NotFoundError } from '../lib/errors';
import { ReplayRequest } from '../schemas/replay';
import { ActivityLive } from './components/activity-panel';
import { PreviewResult } from './components/preview-result';
import { stateFrom } from './editor-state';
import type { UiEnv } from './env';
import { draftMapping } from './preview';
import { lastRequest } from './samples';
import { parseActivityQuery } from './webhook-activity';
import { createWebhookConfirmRoutes } from './webhook-confirm-routes';
import { createWebhookPage } from './webhook-page';
import { NOTICES } from './webhook-routes';

export function createWebhookEditRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const pages = createWebhookPage(deps);
  const { load, notFound, render, preview } = pages;

  app.get('/webhooks/:id', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) return notFound(c);
    return render(c, webhook, { notice: NOTICES[c.req.query('done') ?? ''] });
  });

  /** The activity panel's changing part as HTML in JSON, for live mode (newest page only). */
  app.get('/webhooks/:id/activity', async (c) => {
    const webhook = await load(c.req.param('id'));
    if (!webhook) throw new NotFoundError('webhook-not-found', 'no webhook with that id');
    const query = { ...parseActivityQuery(c.req.query()), before: undefined };
    const view = await pages.activity(c, webhook, query, deps.now());
    // What the script compares to tell whether anything arrived: the newest record shown and the chart's total.
    const total = Object.values(view.activity.totals).reduce((sum, n) => sum + n, 0);
    const version = `${view.deliveries[0]?.id ?? ''}:${total}`;
    return c.json({ html: String(await (<ActivityLive {...view} />)), version });
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

  app.route('/', createWebhookConfirmRoutes(deps, pages));
  return app;
}
