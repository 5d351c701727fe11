/** Gateway settings from the environment (Node) or bindings (Workers), parsed once at start. */
import { z } from 'zod';

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
  /** Prefect's own variables: with PREFECT_API_URL set, a sink named `prefect` forwards every event there. */
  PREFECT_API_URL: OptionalUrl,
  PREFECT_API_KEY: OptionalText,
  PREFECT_API_AUTH_STRING: OptionalText,
  /** `true`: sinks created through the API may target loopback and private addresses (the SSRF guard is off). */
  HOOKGATE_SINK_ALLOW_PRIVATE: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  /** Longest a request to a sink may take. */
  HOOKGATE_SINK_TIMEOUT_MS: PositiveInt.max(300_000).default(10_000),
  /** How long a drain holds the events it sends; a process killed mid-send gives them up after this. */
  HOOKGATE_SINK_LEASE_SECONDS: PositiveInt.max(3600).default(60),
});
export type Config = z.infer<typeof Config>;
