/**
 * `ANY /hooks/:slug`: where senders deliver. Statuses as DESIGN §4.2; 204 only after commit.
 * Unknown, rotated and disabled slugs get one and the same 404. The slug is never logged.
 */
import { Hono } from 'hono';
import { HookgateError, NotFoundError } from '../core/errors';
import { handleHook } from '../core/pipeline';
import type { Webhook } from '../schemas/webhook';
import type { RouteDeps } from './deps';

export const WEBHOOK_NOT_FOUND = 'webhook-not-found';

export async function findActiveWebhook(deps: RouteDeps, slug: string): Promise<Webhook> {
  const webhook = slug.length <= 64 ? await deps.store.getWebhookBySlug(slug) : undefined;
  if (!webhook?.enabled) throw new NotFoundError(WEBHOOK_NOT_FOUND, 'no webhook at this URL');
  return webhook;
}

export function createHookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.all('/:slug', async (c) => {
    const webhook = await findActiveWebhook(deps, c.req.param('slug'));
    try {
      if (webhook.rateLimit) deps.rateLimiter.take(webhook.id, webhook.rateLimit);
      const outcome = await handleHook(webhook, c.req.raw, deps.pipeline);
      if (outcome.kind === 'answered') return outcome.response;
      deps.log.info('webhook delivered', { webhook: webhook.id, events: outcome.events.length });
      return c.body(null, 204);
    } catch (error) {
      if (error instanceof HookgateError) {
        deps.log.warn('webhook request refused', { webhook: webhook.id, status: error.status, code: error.code });
      }
      throw error;
    }
  });
  return app;
}
