/**
 * What a webhook receiver on Node needs from its HTTP server: timeouts that end slow or idle
 * connections (a sender that trickles its headers or body holds a socket and its memory), a cap
 * on open connections, and the client's address for the failure limiter (the socket's, or the
 * last `X-Forwarded-For` entry — the one our own proxy added — when HOOKGATE_TRUST_PROXY is set).
 * @see https://nodejs.org/api/http.html#servertimeout
 */
import type { IncomingMessage, Server, ServerOptions } from 'node:http';
import type { Context } from 'hono';
import type { Config } from '../../schemas/config';

/** Options for `http.createServer`: timeouts checked every second at most, not Node's default 30 s. */
export function serverOptions(config: Config): ServerOptions {
  return {
    headersTimeout: config.HOOKGATE_HEADERS_TIMEOUT_MS,
    requestTimeout: config.HOOKGATE_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HOOKGATE_KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(config.HOOKGATE_HEADERS_TIMEOUT_MS / 4))),
  };
}

/** Settings applied once the server exists: the connection cap (further connections are closed at once). */
export function applyServerLimits(server: Server, config: Config): void {
  server.maxConnections = config.HOOKGATE_MAX_CONNECTIONS;
}

/** The client's address for the app (`AppDeps.clientAddress`). */
export function clientAddressOf(config: Config): (c: Context) => string | undefined {
  return (c) => {
    if (config.HOOKGATE_TRUST_PROXY) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
  };
}
