import { Hono } from 'hono';
import type { AppDeps } from './deps';

export function createHookRoutes(_deps: AppDeps): Hono {
  return new Hono();
}
