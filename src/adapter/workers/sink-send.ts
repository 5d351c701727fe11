/**
 * Sending a sink's requests on Workers: `fetch` with redirects left unfollowed and a timeout.
 * Cloudflare's fetch reaches public addresses only; API sinks aimed at a loopback or private IP
 * literal (or `localhost`) are refused up front as on Node, unless HOOKGATE_SINK_ALLOW_PRIVATE.
 */
import { MAX_EXCERPT_CHARS, type SinkSend, TargetRefusedError } from '../../core/forward/deliver';

const PRIVATE_HOST =
  /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|0\.\d+\.\d+\.\d+|169\.254\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+|2(2[4-9]|[3-5]\d)\.\d+\.\d+\.\d+|\[.*\])$/i;

export function createFetchSinkSend(options: { allowPrivate: boolean; timeoutMs: number }): SinkSend {
  return async (request, sink) => {
    const host = new URL(request.url).hostname;
    if (!options.allowPrivate && sink.origin !== 'env' && PRIVATE_HOST.test(host)) {
      throw new TargetRefusedError(`refused: ${host} is a private or reserved address`);
    }
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = (await response.text()).slice(0, MAX_EXCERPT_CHARS * 4);
    return { status: response.status, headers: response.headers, body };
  };
}
