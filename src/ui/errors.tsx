/**
 * UI errors, one way whatever refused the request: a page (HTML) for what a browser opens or
 * submits as a form, and problem+json (RFC 9457, as the API) for the requests the pages' script
 * makes — the feed's "load more" and live updates, and the editor's preview.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { unreadableBody } from '../core/receive';
import type { Logger } from '../deps';
import { INTERNAL_ERROR, isBodyReadFailure, problemResponse } from '../http/problem';
import { HookgateError } from '../lib/errors';
import type { UiContext } from './env';
import { UI_BASE } from './http';
import { ErrorPage } from './pages/error';

/** The endpoints only the pages' script calls. */
const SCRIPT_ENDPOINTS = [/^\/ui\/events\/(?:more|live)$/, /^\/ui\/webhooks\/[^/]+\/preview$/];

/** True for the requests the pages' script makes: to its endpoints, or asking for JSON. */
export function fromScript(c: Context): boolean {
  return (
    SCRIPT_ENDPOINTS.some((pattern) => pattern.test(c.req.path)) || (c.req.header('accept') ?? '').includes('application/json')
  );
}

/** True for what a browser opens or submits as a form (it asks for HTML); every other client gets problem+json. */
export function wantsPage(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html') && !fromScript(c);
}

/** Where a page about `error` leads: to sign in again, or back to the events. */
function linkFor(error: HookgateError): { href: string; text: string } {
  if (error.status === 401) return { href: `${UI_BASE}/sign-in`, text: 'Sign in' };
  return { href: `${UI_BASE}/events`, text: 'Go to the events' };
}

/** `error` as the request wants it: a page with the same status (and `link` on), or the problem itself. */
export function uiErrorResponse(
  c: UiContext,
  error: HookgateError,
  link: { href: string; text: string } = linkFor(error),
): Response | Promise<Response> {
  if (!wantsPage(c)) return problemResponse(error);
  // Unset before the session guard has passed: the page then has no signed-in header.
  const csrf: string | undefined = c.get('csrf');
  const page = <ErrorPage title={error.title} detail={error.detail} csrf={csrf} link={link} />;
  if (error.retryAfterSeconds !== undefined) c.header('retry-after', String(error.retryAfterSeconds));
  return c.html(page, error.status as ContentfulStatusCode);
}

/** The pages' `onError`: expected errors answered as above, anything else logged and a 500. */
export function uiErrorHandler(log: Logger) {
  return (error: Error, c: UiContext): Response | Promise<Response> => {
    if (error instanceof HookgateError) return uiErrorResponse(c, error);
    // A form whose client went away mid-body, or whose framing is broken: the client's failure.
    if (isBodyReadFailure(error)) {
      log.info('request body could not be read', { path: c.req.path });
      return uiErrorResponse(c, unreadableBody(c.req.raw, error));
    }
    log.error('unhandled error', { error: error.stack ?? String(error) });
    return uiErrorResponse(c, INTERNAL_ERROR);
  };
}
