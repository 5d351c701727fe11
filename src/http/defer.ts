/** Work to finish after the response: `waitUntil` on Workers (the isolate may stop otherwise), a floating promise on Node. */
import type { Context } from 'hono';
import type { Logger } from '../deps';

/** Whether the runtime hands `app.fetch` an ExecutionContext whose `waitUntil` keeps work alive (Workers). */
export interface DeferSettings {
  executionContext?: boolean;
  log: Logger;
}

/**
 * The runtime's `waitUntil` where work after the response must be handed to it (Workers);
 * undefined on Node. Asked only where the runtime has one: Hono's getter throws otherwise, and a
 * thrown error per request is not free.
 */
export function runtimeWaitUntil(
  c: Context,
  settings: Pick<DeferSettings, 'executionContext'>,
): ((promise: Promise<unknown>) => void) | undefined {
  if (!settings.executionContext) return undefined;
  try {
    const ctx = c.executionCtx;
    return ctx.waitUntil.bind(ctx);
  } catch {
    return undefined; // called without one (a test's app.request): the promise runs on by itself.
  }
}

export function deferTask(c: Context, task: () => Promise<unknown>, settings: DeferSettings, what: string): void {
  const running = task().catch((error: unknown) => settings.log.warn(`${what} failed`, { error: String(error) }));
  runtimeWaitUntil(c, settings)?.(running);
}
