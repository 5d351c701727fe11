/**
 * `ANY /hooks/:slug`: where senders deliver. Statuses as DESIGN §4.2; 204 (or the webhook's own
 * success response) only after commit. Unknown, rotated and disabled slugs get one and the same
 * 404. Every request is counted; verification failures are counted and logged (webhook id, scheme,
 * code), never with the slug, a secret or a signature. Every request to a known webhook (disabled
 * ones too) goes to its delivery log, off the hot path.
 */
import { Hono } from 'hono';
import type { RequestContext } from '../core/context';
import { type DeliveryFacts, deliveryRecord } from '../core/deliveries/record';
import { UNKNOWN_WEBHOOK } from '../core/metrics';
import { handleHook } from '../core/pipeline';
import { CLIENT_CLOSED_STATUS } from '../core/receive';
import { TemplateRenderError } from '../core/template/errors';
import type { RouteDeps } from '../deps';
import { runtimeWaitUntil } from '../http/defer';
import { setHookFacts } from '../http/hook-log';
import { HookgateError, MappingError, NotFoundError, VerifyError } from '../lib/errors';
import type { Event } from '../schemas/event';
import type { Webhook } from '../schemas/webhook';

export const WEBHOOK_NOT_FOUND = 'webhook-not-found';

const notFound = () => new NotFoundError(WEBHOOK_NOT_FOUND, 'no webhook at this URL');

async function findWebhook(deps: RouteDeps, slug: string): Promise<Webhook> {
  const webhook = slug.length <= 64 ? await deps.store.getWebhookBySlug(slug) : undefined;
  if (!webhook) throw notFound();
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

type Outcome = Pick<DeliveryFacts, 'outcome' | 'eventIds'>;

async function deliver(webhook: Webhook, request: Request, deps: RouteDeps): Promise<{ response: Response; outcome: Outcome }> {
  try {
    const outcome = await handleHook(webhook, request, deps.pipeline);
    if (outcome.kind === 'answered') return { response: outcome.response, outcome: { outcome: 'handshake' } };
    deps.metrics.eventsStored(webhook.id, outcome.events.length);
    const response = successResponse(webhook, outcome.context, outcome.events, deps);
    return { response, outcome: { outcome: 'stored', eventIds: outcome.events.map((event) => event.id) } };
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

/** What a refused or failed request goes into the delivery log as. */
function refusal(error: unknown, disabled: boolean): Omit<DeliveryFacts, 'webhookId' | 'request' | 'receivedAt' | 'answeredAt'> {
  if (disabled) return { outcome: 'rejected', status: 404, code: 'webhook-disabled', detail: 'the webhook is disabled' };
  if (!(error instanceof HookgateError)) return { outcome: 'rejected', status: 500, code: 'internal-error' };
  const { status, code, detail } = error;
  if (error instanceof MappingError && error.failureEvent)
    return { outcome: 'failed', status, code, detail, failureEvent: error.failureEvent };
  return { outcome: 'rejected', status, code, detail };
}

/**
 * Whatever a webhook answers (its own success response may be a sender-supplied template, even
 * HTML), it is inert: no script, no frame, no content sniffing, on the origin that also serves /ui.
 */
const INERT_HEADERS: readonly (readonly [string, string])[] = [
  ['content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'"],
  ['x-content-type-options', 'nosniff'],
];

export function createHookRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of INERT_HEADERS) c.res.headers.set(name, value);
  });
  app.all('/:slug', async (c) => {
    const receivedAt = deps.now();
    let webhook: Webhook | undefined;
    const log = (facts: Omit<DeliveryFacts, 'webhookId' | 'request' | 'receivedAt' | 'answeredAt'>) => {
      if (!webhook) return;
      const known = webhook.enabled ? webhook.id : UNKNOWN_WEBHOOK;
      setHookFacts(c, { webhook: known, outcome: facts.outcome, events: facts.eventIds?.length ?? 0 });
      const source = deps.clientAddress?.(c);
      deps.deliveries.record(
        deliveryRecord({ ...facts, webhookId: webhook.id, request: c.req.raw, receivedAt, answeredAt: deps.now(), source }),
      );
      // On Workers the isolate may stop after the response: the log's write goes to `waitUntil`;
      // on Node the log's own timer writes the batch.
      runtimeWaitUntil(c, deps)?.(deps.deliveries.flush());
    };
    try {
      webhook = await findWebhook(deps, c.req.param('slug'));
      if (!webhook.enabled) throw notFound();
      const { response, outcome } = await deliver(webhook, c.req.raw, deps);
      deps.metrics.request(webhook.id, response.status);
      log({ ...outcome, status: response.status });
      return response;
    } catch (error) {
      deps.metrics.request(webhook?.enabled ? webhook.id : UNKNOWN_WEBHOOK, error instanceof HookgateError ? error.status : 500);
      log(refusal(error, webhook?.enabled === false));
      throw error;
    }
  });
  return app;
}
