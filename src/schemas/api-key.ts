/**
 * Scoped API keys (issue 17): what `POST /api/keys` accepts and what the API shows of a key
 * (never the key or its hash, only its first characters).
 */
import { z } from 'zod';
import { parseDuration } from '../lib/duration';
import { Timestamp } from './event';

/** `read` < `manage` < `admin`; `emit` only sends events (manage and admin may too). See core/keys.ts. */
export const SCOPES = ['read', 'emit', 'manage', 'admin'] as const;
export const Scope = z.enum(SCOPES, { error: `must be one of ${SCOPES.join(', ')}` });
export type Scope = z.infer<typeof Scope>;

/** `expires`: an RFC 3339 time, or a duration from now such as `90d`. */
export const ApiKeyCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scope: Scope,
  expires: z
    .string()
    .max(64)
    .refine((text) => (parseDuration(text) ?? 0) > 0 || Timestamp.safeParse(text).success, {
      error: 'must be an RFC 3339 time or a duration such as 90d, 12h',
    })
    .optional(),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** A stored key: times in microseconds since the epoch, `hash` the hex SHA-256 of the key. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  scope: Scope;
  hash: string;
  prefix: string;
  created: number;
  expires: number | null;
  lastUsed: number | null;
}

export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  scope: Scope,
  prefix: z.string(),
  created: Timestamp,
  expires: Timestamp.nullable(),
  lastUsed: Timestamp.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

/** The answer to `POST /api/keys`: the view and, this once, the key. */
export const ApiKeyCreated = ApiKeyView.extend({ key: z.string() });
