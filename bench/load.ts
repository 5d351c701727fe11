/** Drives a server with autocannon on 127.0.0.1: bounded in time, results as plain numbers. */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Changes each request (e.g. a fresh delivery id), so each one stores new events. */
  perRequest?: (headers: Record<string, string>) => void;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const { perRequest } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      // autocannon's types want `setupRequest` to return its own Request type; ours mutates headers only.
      {
        method: (options.method ?? 'POST') as 'POST',
        headers: options.headers,
        body: options.body,
        ...(perRequest && {
          setupRequest: (request: { headers: Record<string, string> }) => {
            request.headers = { ...request.headers };
            perRequest(request.headers);
            return request;
          },
        }),
      } as autocannon.Request,
    ],
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
