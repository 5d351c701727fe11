/** A dry-run sample (`{method, headers, query, body}`) as the `Request` a sender would make. */
import type { SampleRequest } from '../schemas/webhook';

const BODYLESS = new Set(['GET', 'HEAD']);

export function sampleToRequest(sample: SampleRequest): Request {
  const method = sample.method.toUpperCase();
  const url = new URL('http://hookgate.test/hooks/sample');
  for (const [key, value] of Object.entries(sample.query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }
  const headers = new Headers(sample.headers);
  let body: string | undefined;
  if (sample.body !== undefined && !BODYLESS.has(method)) {
    if (typeof sample.body === 'string') {
      body = sample.body;
    } else {
      body = JSON.stringify(sample.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
  }
  return new Request(url, { method, headers, body });
}
