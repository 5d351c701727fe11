/** Bindings the Workers suite runs with (vitest.workers.config.ts, wrangler.toml). */
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    HOOKGATE_ADMIN_TOKEN: string;
    HOOKGATE_MAX_BODY_BYTES: string;
    HOOKGATE_SINK_ALLOW_PRIVATE: string;
    TEST_MIGRATIONS: import('@cloudflare/vitest-pool-workers').D1Migration[];
  }
  /** The main Worker's default export (src/worker.ts), as `exports.default`. */
  interface Exports {
    default: { fetch(request: Request): Promise<Response> };
  }
}
