/** A dry-run sample (`{method, headers, query, body}`) as the `Request` a sender would make. */
import { InputError } from '../lib/errors';
import type { SampleRequest } from '../schemas/webhook';

const BODYLESS = new Set(['GET', 'HEAD']);

function buildRequest(sample: SampleRequest): Request {
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

/**
 * The request `sample` describes. `SampleRequest` admits only what `Headers` and `Request` accept;
 * should a runtime still refuse one, that is the sample's fault: 422 `invalid-sample`, never a 500.
 */
export function sampleToRequest(sample: SampleRequest): Request {
  try {
    return buildRequest(sample);
  } catch (error) {
    throw new InputError(422, 'invalid-sample', `the sample is not a request that can be sent: ${(error as Error).message}`);
  }
}
