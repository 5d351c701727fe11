/**
 * The webhooks list, creating one (from a preset or a mapping kind) and the enabled switch. Every
 * change goes through the webhooks API in process (`api-client.ts`), so the rules are the API's.
 */
import { Hono } from 'hono';
import { presetCatalog } from '../core/presets/catalog';
import type { RouteDeps } from '../deps';
import type { WebhookView } from '../http/webhook-view';
import { apiProblem, createWebhookApi, problemText } from './api-client';
import { clockOf, type UiContext, type UiEnv } from './env';
import { safeUiPath } from './http';
import { NewWebhookPage } from './pages/webhook-new';
import { WebhooksPage } from './pages/webhooks';
import { starterMapping } from './starter';
import { webhookStats } from './webhook-stats';

export const NOTICES: Record<string, string> = {
  created: 'Webhook created. Give its URL to the sender.',
  saved: 'Mapping saved.',
  rotated: 'New URL made: the old one answers 404 from now on.',
  deleted: 'Webhook deleted.',
  enabled: 'Webhook enabled.',
  disabled: 'Webhook disabled: its URL answers 404 until it is enabled again.',
};

type Form = Record<string, string | File | (string | File)[]>;

export function field(form: Form, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

export const originOf = (c: UiContext) => new URL(c.req.url).origin;

/** The API request that creates a webhook from the form: a preset plus its secret, or a mapping kind. */
function createRequest(form: Form): Record<string, unknown> {
  const name = field(form, 'name').trim();
  const description = field(form, 'description');
  const secret = field(form, 'secret');
  const [type, value = ''] = field(form, 'source').split(':');
  if (type === 'preset') {
    const preset = presetCatalog().find((candidate) => candidate.name === value);
    const credentials = secret ? (preset?.verify.scheme === 'discord' ? { publicKeys: [secret] } : { secrets: [secret] }) : {};
    return { name, description, preset: value, verify: credentials };
  }
  const verify = secret ? { scheme: 'bearer', secrets: [secret] } : { scheme: 'none' };
  return { name, description, mapping: starterMapping(value, name), verify };
}

export function createWebhookListRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();
  const api = createWebhookApi(deps);

  app.get('/webhooks', async (c) => {
    const nowMs = deps.now();
    const list = await api<WebhookView[]>('GET', '', originOf(c));
    const views = list.body ?? [];
    const entries = await Promise.all(
      views.map(async (view) => ({ view, stats: await webhookStats(deps.store, view.id, nowMs) })),
    );
    const notice = NOTICES[c.req.query('done') ?? ''];
    const sinks = (await deps.store.listSinks()).filter((sink) => sink.enabled);
    const forwardedTo = sinks.map((sink) => (sink.filter ? `${sink.name} (filtered)` : sink.name));
    return c.html(
      <WebhooksPage entries={entries} csrf={c.get('csrf')} clock={clockOf(c, nowMs)} notice={notice} forwardedTo={forwardedTo} />,
    );
  });

  app.get('/webhooks/new', (c) =>
    c.html(
      <NewWebhookPage
        csrf={c.get('csrf')}
        presets={presetCatalog()}
        form={{ name: '', description: '', source: 'kind:template' }}
      />,
    ),
  );

  app.post('/webhooks', async (c) => {
    const form = await c.req.parseBody();
    const created = await api('POST', '', originOf(c), createRequest(form));
    if (created.status === 201 && typeof created.body?.id === 'string') {
      return c.redirect(`/ui/webhooks/${created.body.id}?done=created`, 303);
    }
    const page = (
      <NewWebhookPage
        csrf={c.get('csrf')}
        presets={presetCatalog()}
        form={{ name: field(form, 'name'), description: field(form, 'description'), source: field(form, 'source') }}
        error={problemText(created.body)}
      />
    );
    return c.html(page, 422);
  });

  app.post('/webhooks/:id/enabled', async (c) => {
    const form = await c.req.parseBody();
    const enabled = field(form, 'enabled') === 'true';
    const answer = await api('PATCH', `/${encodeURIComponent(c.req.param('id'))}`, originOf(c), { enabled });
    if (answer.status !== 200) throw apiProblem(answer);
    const back = safeUiPath(field(form, 'back'), '/ui/webhooks');
    return c.redirect(`${back}?done=${enabled ? 'enabled' : 'disabled'}`, 303);
  });

  return app;
}
