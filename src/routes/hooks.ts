/**
 * `ANY /hooks/:slug`: where senders deliver. Statuses as DESIGN §4.2; 204 (or the webhook's own
 * success response) only after commit. Unknown, rotated and disabled slugs get one and the same
 * 404. Every request is counted; verification failures are counted and logged (webhook id, scheme,
 * code), never with the slug, a secret or a signature.
 */
import { Hono } from 'hono';
import type { RequestContext } from '../core/context';
import { UNKNOWN_WEBHOOK } from '../core/metrics';
import { handleHook } from '../core/pipeline';
import { CLIENT_CLOSED_STATUS } from '../core/receive';
import { TemplateRenderError } from '../core/template/errors';
import type { RouteDeps } from '../deps';
import { HookgateError, NotFoundError, VerifyError } from '../lib/errors';
import type { Event } from '../schemas/event';
import type { Webhook } from '../schemas/webhook';

export const WEBHOOK_NOT_FOUND = 'webhook-not-found';

export async function findActiveWebhook(deps: RouteDeps, slug: string): Promise<Webhook> {
  const webhook = slug.length <= 64 ? await deps.store.getWebhookBySlug(slug) : undefined;
  if (!webhook?.enabled) throw new NotFoundError(WEBHOOK_NOT_FOUND, 'no webhook at this URL');
  return webhook;
}

/**
 * The webhook's success response rendered over the request context and the stored `events`, or
 * 204. The events are committed already: a response template that fails gives a 204 (logged and
 * counted) rather than an error that would make the sender deliver again.
 */
function successResponse(webhook: Webhook, context: RequestContext, events: Event[], deps: RouteDeps): Response {
  const settings = webhook.response;
  if (!settings) return new Response(null, { status: 204 });
  let body = '';
  try {
    if (settings.body) body = deps.pipeline.compile(settings.body)({ ...context, events }, deps.pipeline.renderLimits);
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    deps.metrics.responseRenderFailure(webhook.id);
    deps.log.warn('webhook success response failed to render', { webhook: webhook.id, error: error.message });
    return new Response(null, { status: 204 });
  }
  const nullBody = settings.status === 204 || settings.status === 205;
  return new Response(nullBody ? null : body, { status: settings.status, headers: { 'content-type': settings.contentType } });
}

async function deliver(webhook: Webhook, request: Request, deps: RouteDeps): Promise<Response> {
  try {
    const outcome = await handleHook(webhook, request, deps.pipeline);
    if (outcome.kind === 'answered') return outcome.response;
    deps.metrics.eventsStored(webhook.id, outcome.events.length);
    return successResponse(webhook, outcome.context, outcome.events, deps);
  } catch (error) {
    if (error instanceof VerifyError) {
      deps.metrics.verificationFailure(webhook.id, error.code);
      deps.log.warn('webhook verification failed', { webhook: webhook.id, scheme: webhook.verify.scheme, code: error.code });
    } else if (error instanceof HookgateError && error.status === CLIENT_CLOSED_STATUS) {
      deps.log.info('webhook request: the client closed it before its body arrived', { webhook: webhook.id, code: error.code });
    } else if (error instanceof HookgateError) {
      deps.log.warn('webhook request refused', { webhook: webhook.id, status: error.status, code: error.code });
    }
    throw error;
  }
}

/**
 * Whatever a webhook answers (its own success response may be a sender-supplied template, even
 * HTML), it is inert: no script, no frame, no content sniffing, on the origin that also serves /ui.
 */
const INERT_HEADERS: Record<string, string> = {
  'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

export function createHookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(INERT_HEADERS)) c.res.headers.set(name, value);
  });
  app.all('/:slug', async (c) => {
    let webhookId = UNKNOWN_WEBHOOK;
    try {
      const webhook = await findActiveWebhook(deps, c.req.param('slug'));
      webhookId = webhook.id;
      const response = await deliver(webhook, c.req.raw, deps);
      deps.metrics.request(webhookId, response.status);
      return response;
    } catch (error) {
      deps.metrics.request(webhookId, error instanceof HookgateError ? error.status : 500);
      throw error;
    }
  });
  return app;
}
