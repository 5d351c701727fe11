/**
 * On Workers there is no data directory to keep a generated token in, so the management API and
 * the pages run only with a configured admin token; without one they answer 503 and say how to set it.
 */

import { problemResponse } from '../../http/problem';
import { HookgateError } from '../../lib/errors';

const MISSING = new HookgateError(
  503,
  'admin-token-missing',
  'The admin token is not configured',
  'set it with `wrangler secret put HOOKGATE_ADMIN_TOKEN` (at least 16 characters); webhooks keep receiving meanwhile',
);

/** Paths that need the admin token: the API, and the pages (whose sign-in takes the token). */
const GUARDED = /^\/(api|ui)(\/|$)/;

export function refuseWithoutAdminToken(request: Request, token: string | undefined): Response | undefined {
  if (token) return undefined;
  return GUARDED.test(new URL(request.url).pathname) ? problemResponse(MISSING) : undefined;
}
