/** Settings on Workers: the D1 binding, secrets (`wrangler secret put`) and vars (wrangler.toml). */
import type { D1Like } from '../../store/d1';

export interface WorkerEnv {
  DB: D1Like;
  /** Set with `wrangler secret put HOOKGATE_ADMIN_TOKEN`; without it the management API is refused. */
  HOOKGATE_ADMIN_TOKEN?: string;
  HOOKGATE_PUBLIC_URL?: string;
  HOOKGATE_MAX_BODY_BYTES?: string;
  /** Keep events this long after receipt (`30d`); `0` or unset keeps them forever. Pruned by the cron trigger. */
  HOOKGATE_RETENTION?: string;
  /** `"true"`: `/metrics` without a key. */
  HOOKGATE_METRICS_PUBLIC?: string;
  /** Prefect's variables (`[vars]` or secrets): a sink named `prefect` forwards every event there. */
  PREFECT_API_URL?: string;
  PREFECT_API_KEY?: string;
  PREFECT_API_AUTH_STRING?: string;
  HOOKGATE_SINK_ALLOW_PRIVATE?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const MIN_ADMIN_TOKEN_CHARS = 16;

export function maxBodyBytes(env: WorkerEnv): number {
  const value = Number(env.HOOKGATE_MAX_BODY_BYTES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_BODY_BYTES;
}

/** The admin token, when one of a usable length is configured. */
export function adminToken(env: WorkerEnv): string | undefined {
  const token = env.HOOKGATE_ADMIN_TOKEN?.trim();
  return token && token.length >= MIN_ADMIN_TOKEN_CHARS ? token : undefined;
}
