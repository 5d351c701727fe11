/**
 * Receive stage: read the request body once, as bytes, within the size limit. Everything after
 * (verification, parsing, mapping) works on these bytes; nothing re-serialises the body.
 */
import { payloadTooLarge, ReceiveError } from '../lib/errors';

export interface ReceivedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: Uint8Array;
  /** When the request arrived, in milliseconds since the epoch. */
  readonly receivedAt: number;
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/**
 * Status for a request whose client went away before its body arrived (nginx's 499): nobody reads
 * the answer, but metrics and logs then tell a sender's failure from ours.
 */
export const CLIENT_CLOSED_STATUS = 499;

/**
 * A body that could not be read is the sender's failure, never a 500: 499 `client-closed-request`
 * when the client went away (the request's signal aborted), else 400 `body-unreadable` (a malformed
 * chunked body, a length that does not match).
 */
export function unreadableBody(request: Request, error: unknown): ReceiveError {
  if (error instanceof ReceiveError) return error;
  if (request.signal.aborted) {
    return new ReceiveError(
      CLIENT_CLOSED_STATUS,
      'client-closed-request',
      'Client closed request',
      'the client closed the connection before its body arrived',
    );
  }
  return new ReceiveError(
    400,
    'body-unreadable',
    'Bad request',
    `the body could not be read: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
  );
}

/** Reads the whole body, stopping as soon as it passes `maxBytes` (413 `payload-too-large`). */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readWithin(request, maxBytes);
  } catch (error) {
    throw unreadableBody(request, error);
  }
}

async function readWithin(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (BODYLESS_METHODS.has(request.method.toUpperCase())) return new Uint8Array(0);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (Number.isInteger(declared)) {
    // A declared length within the limit (the HTTP layer holds the sender to it): read in one go,
    // which adapters serve without building a stream.
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength > maxBytes) throw payloadTooLarge(maxBytes);
    return body;
  }
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function receive(request: Request, maxBytes: number, receivedAt: number): Promise<ReceivedRequest> {
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: request.headers,
    body: await readLimited(request, maxBytes),
    receivedAt,
  };
}
