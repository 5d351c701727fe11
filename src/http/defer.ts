/** Work to finish after the response: `waitUntil` on Workers (the isolate may stop otherwise), a floating promise on Node. */
import type { Context } from 'hono';
import type { Logger } from '../deps';

export function deferTask(c: Context, task: () => Promise<unknown>, log: Logger, what: string): void {
  const running = task().catch((error: unknown) => log.warn(`${what} failed`, { error: String(error) }));
  try {
    c.executionCtx.waitUntil(running);
  } catch {
    // Node has no execution context: the promise runs on by itself.
  }
}
