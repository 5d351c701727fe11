/**
 * The UI changes webhooks through the webhooks API itself, in process (no HTTP, no token on the
 * wire): the same validation, save-time checks, presets and problem details as `/api/webhooks`.
 */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps';
import { problemResponse } from '../http/problem';
import { HookgateError } from '../lib/errors';
import { createWebhookRoutes } from '../routes/webhooks';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  /** The JSON answer (a problem on errors); null for 204. */
  body: T | null;
}

export type WebhookApi = <T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  origin: string,
  json?: unknown,
) => Promise<ApiAnswer<T>>;

/** Calls `/api/webhooks…` in process; `origin` is the browser's, so webhook URLs come out as the API's do. */
export function createWebhookApi(deps: RouteDeps): WebhookApi {
  const api = new Hono();
  api.route('/api/webhooks', createWebhookRoutes(deps));
  api.onError((error) => {
    if (error instanceof HookgateError) return problemResponse(error);
    throw error;
  });
  return async (method, path, origin, json) => {
    const init: RequestInit = { method };
    if (json !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(json);
    }
    const response = await api.request(`${origin}/api/webhooks${path}`, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** A problem's `detail`, with its line and column when it names them. */
export function problemText(body: Record<string, unknown> | null): string {
  if (!body) return 'The request failed.';
  return typeof body.detail === 'string' ? body.detail : String(body.title ?? 'The request failed.');
}

/** A failed answer as the error the pages show (same status, code and detail). */
export function apiProblem(answer: ApiAnswer<unknown>): HookgateError {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  const text = (key: string, fallback: string) => (typeof body[key] === 'string' ? (body[key] as string) : fallback);
  return new HookgateError(answer.status, text('code', 'request-failed'), text('title', 'The request failed'), problemText(body));
}
