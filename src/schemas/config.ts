/** Gateway settings from the environment (Node) or bindings (Workers), parsed once at start. */
import { z } from 'zod';

const PositiveInt = z.coerce.number().int().positive();

export const Config = z.object({
  PORT: PositiveInt.max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  HOOKGATE_DB: z.string().min(1).default('./data/hookgate.db'),
  HOOKGATE_ADMIN_TOKEN: z
    .string()
    .min(16, { error: 'must be at least 16 characters' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  HOOKGATE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  HOOKGATE_MAX_BODY_BYTES: PositiveInt.default(1024 * 1024),
  /** `NORMAL` survives a process crash; `FULL` also survives power loss (slower commits). */
  HOOKGATE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /**
   * `inline` (default): SQLite writes on the event loop's thread, group-committed; `thread`: on a
   * writer thread beside it (more events/s for large fan-outs, about 50 MB more memory).
   */
  HOOKGATE_SQLITE_WRITER: z.enum(['thread', 'inline']).default('inline'),
  /**
   * `postgres://user:password@host:5432/database` selects PostgreSQL (several gateway processes,
   * one store) instead of the SQLite file; TLS through `sslmode=…` in the URL. Unset: SQLite.
   */
  HOOKGATE_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// (or postgresql://) URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** PostgreSQL schema for hookgate's tables (created when missing); default: the server's `public`. */
  HOOKGATE_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: 'must be lower-case letters, digits and _' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** PostgreSQL connections per process at most. */
  HOOKGATE_DATABASE_POOL: PositiveInt.max(1000).default(10),
  /** Longest one PostgreSQL statement may run, ms: a slow query cannot hold the pool. */
  HOOKGATE_STATEMENT_TIMEOUT_MS: PositiveInt.default(10_000),
});
export type Config = z.infer<typeof Config>;
