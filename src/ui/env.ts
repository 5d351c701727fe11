/** What the UI's middleware puts on each request's context for the handlers after it. */
import type { Context } from 'hono';
import type { Actor } from '../core/audit';
import { scopeAllows } from '../core/keys';
import type { Clock } from './components/time';
import type { Session } from './session';

export interface UiEnv {
  Variables: {
    session: Session;
    /** The session's CSRF token, for forms and the client script. */
    csrf: string;
    /** The reader's time zone (cookie set by the client script), UTC until known. */
    zone: string;
    /** Who is signed in: the admin token or an API key (read per request, so a revoke ends the session). */
    actor: Actor;
  };
}

export type UiContext = Context<UiEnv>;

/** The reader's zone and the server's clock, for rendering times. */
export function clockOf(c: UiContext, nowMs: number): Clock {
  return { zone: c.get('zone'), nowMs };
}

/** False for a read-only session: pages leave out what would change something (the server refuses it anyway). */
export function canManage(c: UiContext): boolean {
  return scopeAllows(c.get('actor').scope, 'manage');
}
