/** Gateway settings from the environment (Node) or bindings (Workers), parsed once at start. */
import { z } from 'zod';
import { parseRetention } from '../lib/duration';

const PositiveInt = z.coerce.number().int().positive();
const OptionalText = z
  .string()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));
const OptionalUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .optional()
  .or(z.literal('').transform(() => undefined));

const Flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

export const Config = z
  .object({
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
    /** How long a write waits for another process's lock on the database before answering 503. */
    HOOKGATE_LOCK_WAIT_MS: PositiveInt.default(5000),
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
    /** A client must send its request's headers within this time (Node's `headersTimeout`). */
    HOOKGATE_HEADERS_TIMEOUT_MS: PositiveInt.default(10_000),
    /** …and its whole request, body included (Node's `requestTimeout`). */
    HOOKGATE_REQUEST_TIMEOUT_MS: PositiveInt.default(30_000),
    /** An idle keep-alive connection is closed after this time. */
    HOOKGATE_KEEP_ALIVE_TIMEOUT_MS: PositiveInt.default(5_000),
    /** Open connections at most; more are closed at once. */
    HOOKGATE_MAX_CONNECTIONS: PositiveInt.default(1024),
    /** Behind a reverse proxy: the client's address is the last `X-Forwarded-For` entry (for the failure limiter). */
    HOOKGATE_TRUST_PROXY: Flag,
    /** Prefect's own variables: with PREFECT_API_URL set, a sink named `prefect` forwards every event there. */
    PREFECT_API_URL: OptionalUrl,
    PREFECT_API_KEY: OptionalText,
    PREFECT_API_AUTH_STRING: OptionalText,
    /** `true`: sinks created through the API may target loopback and private addresses (the SSRF guard is off). */
    HOOKGATE_SINK_ALLOW_PRIVATE: Flag,
    /** Longest a request to a sink may take. */
    HOOKGATE_SINK_TIMEOUT_MS: PositiveInt.max(300_000).default(10_000),
    /** How long a drain holds the events it sends; a process killed mid-send gives them up after this. */
    HOOKGATE_SINK_LEASE_SECONDS: PositiveInt.max(3600).default(60),
    /** `true`: `/metrics` without a key; otherwise it needs a key with the `read` scope. */
    HOOKGATE_METRICS_PUBLIC: Flag,
    /** Keep events this long after receipt (`30d`, `12h`); `0` (default) keeps them forever. In milliseconds. */
    HOOKGATE_RETENTION: z
      .string()
      .optional()
      .transform((text, ctx) => {
        const ms = parseRetention(text);
        if (ms === undefined)
          ctx.addIssue({ code: 'custom', message: 'must be a duration such as 30d, 12h, or 0 to keep forever' });
        return ms ?? 0;
      }),
  })
  .refine((c) => c.HOOKGATE_HEADERS_TIMEOUT_MS <= c.HOOKGATE_REQUEST_TIMEOUT_MS, {
    error: 'HOOKGATE_HEADERS_TIMEOUT_MS must not exceed HOOKGATE_REQUEST_TIMEOUT_MS',
    path: ['HOOKGATE_HEADERS_TIMEOUT_MS'],
  });
export type Config = z.infer<typeof Config>;
