import { Hono } from 'hono';
import type { AppDeps } from './deps';

export function createWebhookRoutes(_deps: AppDeps): Hono {
  return new Hono();
}
