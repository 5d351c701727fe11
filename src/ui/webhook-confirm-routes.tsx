/**
 * Rotating a webhook's URL and deleting it: each a confirmation page (GET), then the change (POST
 * with `confirm=yes`) through the webhook rules in `core/webhooks.ts`, the same ones the API calls.
 */
import { Hono } from 'hono';
import { deleteWebhook, rotateWebhook } from '../core/webhooks';
import type { RouteDeps } from '../deps';
import type { UiEnv } from './env';
import { ConfirmPage } from './pages/confirm';
import type { WebhookPage } from './webhook-page';

export function createWebhookConfirmRoutes(deps: RouteDeps, { load, notFound }: WebhookPage): Hono<UiEnv> {
  const app = new Hono<UiEnv>();

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
