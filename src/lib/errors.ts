/**
 * One error tree: every expected failure carries an HTTP status and a stable kebab-case `code`,
 * and the app's single `onError` turns it into `application/problem+json` (RFC 9457).
 * Details help the author of a mapping; they never hold a secret or a slug.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */

export interface ProblemExtras {
  [key: string]: unknown;
}

export class HookgateError extends Error {
  /** Seconds the client should wait before trying again: sent as `Retry-After` (429, 503). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** Receive stage: the body could not be read within the limits. */
export class ReceiveError extends HookgateError {}

/** 413 `payload-too-large`: one answer for `/hooks`, the API and the pages. */
export function payloadTooLarge(maxBytes: number): ReceiveError {
  return new ReceiveError(413, 'payload-too-large', 'Payload too large', `the body may be at most ${maxBytes} bytes`, {
    maxBytes,
  });
}

/** Map stage: the body, template or its output is unusable for the webhook's mapping. */
export class MappingError extends HookgateError {
  /** What the template rendered before the failure, for the failure event (never sent to the sender). */
  rendered?: string;
  /** The id of the failure event that recorded the request, once it is stored. */
  failureEvent?: string;

  constructor(code: string, title: string, detail: string, extras: ProblemExtras = {}) {
    super(400, code, title, detail, extras);
  }
}

/** Validate stage: what the mapping produced is not a valid event. */
export class InvalidEventError extends MappingError {
  constructor(detail: string, extras: ProblemExtras = {}) {
    super('invalid-event', 'The mapping produced an invalid event', detail, extras);
  }
}

/** Verify stage: the sender could not be authenticated. */
export class VerifyError extends HookgateError {
  constructor(code: string, detail: string) {
    super(401, code, 'The request could not be verified', detail);
  }
}

/** Input to the management API does not fit its schema. */
export class InputError extends HookgateError {
  constructor(status: 400 | 422, code: string, detail: string, extras: ProblemExtras = {}) {
    super(status, code, status === 400 ? 'Bad request' : 'Unprocessable request', detail, extras);
  }
}

export class NotFoundError extends HookgateError {
  constructor(code: string, detail: string) {
    super(404, code, 'Not found', detail);
  }
}

export class UnauthorizedError extends HookgateError {
  constructor(detail: string) {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

export class ForbiddenError extends HookgateError {
  constructor(code: string, detail: string) {
    super(403, code, 'Forbidden', detail);
  }
}

/** The store could not commit: the sender should retry after `retryAfterSeconds`. */
export class StoreUnavailableError extends HookgateError {
  constructor(
    detail: string,
    override readonly retryAfterSeconds = 5,
  ) {
    super(503, 'store-unavailable', 'The event store is unavailable', detail);
  }
}

/** The request conflicts with what is stored (a name in use). */
export class ConflictError extends HookgateError {
  constructor(code: string, detail: string) {
    super(409, code, 'Conflict', detail);
  }
}
