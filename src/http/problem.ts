/** `application/problem+json` responses (RFC 9457) from the one error tree. */
import { HookgateError } from '../lib/errors';

export const PROBLEM_TYPE_BASE = 'urn:hookgate:problem:';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  [key: string]: unknown;
}

export function toProblem(error: HookgateError): Problem {
  return {
    ...error.extras,
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
  };
}

export function problemResponse(error: HookgateError): Response {
  const headers = new Headers({ 'content-type': 'application/problem+json' });
  if (error.retryAfterSeconds !== undefined) headers.set('retry-after', String(error.retryAfterSeconds));
  return new Response(JSON.stringify(toProblem(error)), { status: error.status, headers });
}

export const INTERNAL_ERROR = new HookgateError(
  500,
  'internal-error',
  'Internal error',
  'hookgate failed unexpectedly; the error is logged',
);

/**
 * True for the errors Node's HTTP server gives a body stream when the client goes away
 * (`aborted`, `ECONNRESET`) or the chunked framing is broken (`HPE_*`): a client's failure.
 */
export function isBodyReadFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code.startsWith('HPE_'))) {
    return true;
  }
  return message === 'aborted';
}
