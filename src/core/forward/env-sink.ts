/**
 * Zero configuration for Prefect users: Prefect's own variables (PREFECT_API_URL with
 * PREFECT_API_KEY for Cloud or PREFECT_API_AUTH_STRING for a server with an auth string) make a
 * sink named `prefect` that forwards every event. It is the operator's, so trusted (no SSRF guard).
 * @see https://docs.prefect.io/v3/develop/settings-ref
 */
import type { SinkTarget } from '../../schemas/sink';

export const ENV_SINK_NAME = 'prefect';

export interface PrefectEnv {
  PREFECT_API_URL?: string;
  PREFECT_API_KEY?: string;
  PREFECT_API_AUTH_STRING?: string;
}

export function prefectEnvTarget(env: PrefectEnv): SinkTarget | undefined {
  const url = env.PREFECT_API_URL?.trim();
  if (!url) return undefined;
  return {
    kind: 'prefect',
    url,
    ...(env.PREFECT_API_KEY && { apiKey: env.PREFECT_API_KEY }),
    ...(env.PREFECT_API_AUTH_STRING && { authString: env.PREFECT_API_AUTH_STRING }),
  };
}
