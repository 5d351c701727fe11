/**
 * The webhooks list, creating one (from a preset or a mapping kind) and the enabled switch. Every
 * change goes through the webhook rules in `core/webhooks.ts`, the same ones the API calls.
 */
import { Hono } from 'hono';
import { presetCatalog } from '../core/presets/catalog';
import { createWebhook, loadWebhook, updateWebhook } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import { webhookView } from '../http/webhook-view';
import { HookgateError } from '../lib/errors';
import { canManage, clockOf, type UiContext, type UiEnv } from './env';
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
/** The `verify` field the page's one "Secret" box fills, where a scheme takes something else than secrets. */
const CREDENTIAL_FIELD: Readonly<Record<string, string>> = {
  discord: 'publicKeys',
  sendgrid: 'publicKeys',
  'aws-sns': 'topicArns',
};

function createRequest(form: Form): Record<string, unknown> {
  const name = field(form, 'name').trim();
  const description = field(form, 'description');
  const secret = field(form, 'secret');
  const [type, value = ''] = field(form, 'source').split(':');
  if (type === 'preset') {
    const preset = presetCatalog().find((candidate) => candidate.name === value);
    const credentials = secret ? { [CREDENTIAL_FIELD[preset?.verify.scheme ?? ''] ?? 'secrets']: [secret] } : {};
    return { name, description, preset: value, verify: credentials };
  }
  const verify = secret ? { scheme: 'bearer', secrets: [secret] } : { scheme: 'none' };
  return { name, description, mapping: starterMapping(value, name), verify };
}

export function createWebhookListRoutes(deps: RouteDeps): Hono<UiEnv> {
  const app = new Hono<UiEnv>();

  app.get('/webhooks', async (c) => {
    const nowMs = deps.now();
    const views = (await deps.store.listWebhooks()).map((webhook) => webhookView(webhook, deps.publicUrl ?? originOf(c)));
    const lastAttempts = await deps.store.lastDeliveries();
    const entries = await Promise.all(
      views.map(async (view) => ({ view, stats: await webhookStats(deps.store, view.id, nowMs, lastAttempts) })),
    );
    const notice = NOTICES[c.req.query('done') ?? ''];
    const sinks = (await deps.store.listSinks()).filter((sink) => sink.enabled);
    const forwardedTo = sinks.map((sink) => (sink.filter ? `${sink.name} (filtered)` : sink.name));
    return c.html(
      <WebhooksPage
        entries={entries}
        csrf={c.get('csrf')}
        clock={clockOf(c, nowMs)}
        notice={notice}
        readOnly={!canManage(c)}
        forwardedTo={forwardedTo}
      />,
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
    let error: HookgateError;
    try {
      const created = await createWebhook(createRequest(form), { ...deps, actor: c.get('actor') });
      return c.redirect(`/ui/webhooks/${created.id}?done=created`, 303);
    } catch (caught) {
      if (!(caught instanceof HookgateError)) throw caught;
      error = caught;
    }
    const page = (
      <NewWebhookPage
        csrf={c.get('csrf')}
        presets={presetCatalog()}
        form={{ name: field(form, 'name'), description: field(form, 'description'), source: field(form, 'source') }}
        error={error.detail}
      />
    );
    return c.html(page, 422);
  });

  app.post('/webhooks/:id/enabled', async (c) => {
    const form = await c.req.parseBody();
    const enabled = field(form, 'enabled') === 'true';
    await updateWebhook(await loadWebhook(c.req.param('id'), deps), { enabled }, { ...deps, actor: c.get('actor') });
    const back = safeUiPath(field(form, 'back'), '/ui/webhooks');
    return c.redirect(`${back}?done=${enabled ? 'enabled' : 'disabled'}`, 303);
  });

  return app;
}
