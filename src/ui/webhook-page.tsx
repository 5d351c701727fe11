/**
 * Renders one webhook's page from the store and the core rules: its settings, activity (chart and
 * delivery log), the mapping editor with its preview, and where its failures stand. The routes in
 * `webhook-edit-routes.tsx` and `webhook-confirm-routes.tsx` load, act, then render with this.
 */
import { listDeliveryViews } from '../core/deliveries/list';
import type { ReplayReport } from '../core/replay';
import { createTemplateCache } from '../core/template/cache';
import { webhookFailureStates } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { webhookView } from '../http/webhook-view';
import { isUuid } from '../lib/ids';
import type { Webhook } from '../schemas/webhook';
import type { ActivityView } from './components/activity-panel';
import type { EditorState } from './components/mapping-editor';
import { initialState, sampleOf } from './editor-state';
import { canManage, clockOf, type UiContext } from './env';
import { NotFoundPage } from './pages/not-found';
import { WebhookEditPage } from './pages/webhook-edit';
import { draftMapping, previewError, previewMapping } from './preview';
import { type LastRequest, lastRequest, presetSample } from './samples';
import { type ActivityQuery, parseActivityQuery, webhookActivity } from './webhook-activity';
import { originOf } from './webhook-routes';

/** Draft templates compiled for previews: a few, kept apart from the pipeline's cache. */
const DRAFT_CACHE_SIZE = 20;
/** Delivery-log records per page. */
export const DELIVERY_PAGE_SIZE = 20;

export interface RenderOptions {
  state?: EditorState;
  notice?: string;
  replay?: ReplayReport;
  status?: 200 | 422;
}

export function createWebhookPage(deps: RouteDeps) {
  const previewDeps = { pipeline: deps.pipeline, compileDraft: createTemplateCache(deps.compileTemplate, DRAFT_CACHE_SIZE) };

  const load = async (id: string) => (isUuid(id) ? deps.store.getWebhook(id.toLowerCase()) : undefined);

  const notFound = (c: UiContext) =>
    c.html(<NotFoundPage csrf={c.get('csrf')} what="No webhook with that id." back="/ui/webhooks" section="webhooks" />, 404);

  const preview = async (webhook: Webhook, state: EditorState, last: LastRequest | undefined) => {
    if (webhook.mapping.kind === 'cloudevents') return undefined;
    const draft = draftMapping(webhook.mapping.kind, state.text);
    if ('outcome' in draft) return draft.outcome;
    const sample = sampleOf(state, webhook, last);
    if ('none' in sample) return previewError(sample.none.code, sample.none.title, sample.none.detail);
    return previewMapping(webhook, draft.mapping, sample.sample, previewDeps);
  };

  /** The activity panel's data for `query`: the chart's counts and one page of the log. */
  const activity = async (c: UiContext, webhook: Webhook, query: ActivityQuery, nowMs: number): Promise<ActivityView> => {
    const [chart, page] = await Promise.all([
      webhookActivity(deps.store, webhook.id, query.range, nowMs),
      listDeliveryViews(webhook, { outcome: query.outcome, limit: DELIVERY_PAGE_SIZE, page: query.before }, deps.store),
    ]);
    return {
      webhookId: webhook.id,
      query,
      activity: chart,
      deliveries: page.deliveries,
      older: page.next_page,
      clock: clockOf(c, nowMs),
    };
  };

  const render = async (c: UiContext, webhook: Webhook, options: RenderOptions = {}) => {
    const nowMs = deps.now();
    const last = await lastRequest(deps.store, webhook, nowMs);
    const state = options.state ?? initialState(webhook, last);
    state.preview ??= await preview(webhook, state, last);
    const [failures, activityView] = await Promise.all([
      webhookFailureStates(webhook, deps),
      activity(c, webhook, parseActivityQuery(c.req.method === 'GET' ? c.req.query() : {}), nowMs),
    ]);
    const page = (
      <WebhookEditPage
        view={webhookView(webhook, deps.publicUrl ?? originOf(c))}
        csrf={c.get('csrf')}
        clock={clockOf(c, nowMs)}
        editor={state}
        hasPresetSample={presetSample(webhook) !== undefined}
        last={last}
        failures={failures}
        activity={activityView}
        notice={options.notice}
        replay={options.replay}
        readOnly={!canManage(c)}
      />
    );
    return c.html(page, options.status ?? 200);
  };

  return { load, notFound, preview, activity, render };
}

export type WebhookPage = ReturnType<typeof createWebhookPage>;
