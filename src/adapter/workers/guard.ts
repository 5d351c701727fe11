/**
 * On Workers there is no data directory to keep a generated token in, so the management API
 * runs only with a configured admin token; without one it answers 503 and says how to set it.
 */
import { HookgateError } from '../../core/errors';
import { problemResponse } from '../../routes/problem';

const MISSING = new HookgateError(
  503,
  'admin-token-missing',
  'The admin token is not configured',
  'set it with `wrangler secret put HOOKGATE_ADMIN_TOKEN` (at least 16 characters); webhooks keep receiving meanwhile',
);

export function refuseWithoutAdminToken(request: Request, token: string | undefined): Response | undefined {
  if (token) return undefined;
  return new URL(request.url).pathname.startsWith('/api/') ? problemResponse(MISSING) : undefined;
}
