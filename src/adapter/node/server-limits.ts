/**
 * What a webhook receiver on Node needs from its HTTP server: timeouts that end slow or idle
 * connections (a sender that trickles its headers or body holds a socket and its memory), a cap
 * on open connections (the client's address is in client-address.ts).
 * @see https://nodejs.org/api/http.html#servertimeout
 */
import type { Server, ServerOptions } from 'node:http';
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
