/** Work to finish after the response: `waitUntil` on Workers (the isolate may stop otherwise), a floating promise on Node. */
import type { Context } from 'hono';
import type { Logger } from '../deps';

/** The runtime's `waitUntil` where work after the response must be handed to it (Workers); undefined on Node. */
export function runtimeWaitUntil(c: Context): ((promise: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return ctx.waitUntil.bind(ctx);
  } catch {
    return undefined; // Node has no execution context: a promise runs on by itself.
  }
}

export function deferTask(c: Context, task: () => Promise<unknown>, log: Logger, what: string): void {
  const running = task().catch((error: unknown) => log.warn(`${what} failed`, { error: String(error) }));
  runtimeWaitUntil(c)?.(running);
}
