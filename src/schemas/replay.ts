/** The body of `POST /api/webhooks/:id/replay` (DESIGN §7). */
import { z } from 'zod';
import { Timestamp, Uuid } from './event';

/** Most failures one replay call re-runs (oldest first); `since` pages through more. */
export const MAX_REPLAY_FAILURES = 200;

/** `POST /api/webhooks/:id/replay`: which failures (all in the default window when empty). */
export const ReplayRequest = z
  .strictObject({
    /** Only these failure events. */
    ids: z.array(Uuid).min(1).max(MAX_REPLAY_FAILURES).optional(),
    since: Timestamp.optional(),
    until: Timestamp.optional(),
    limit: z.number().int().min(1).max(MAX_REPLAY_FAILURES).default(MAX_REPLAY_FAILURES),
  })
  .prefault({});
export type ReplayRequest = z.infer<typeof ReplayRequest>;
