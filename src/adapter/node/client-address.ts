/**
 * The sender's address on Node: the socket's remote address, or — behind a proxy the operator
 * trusts (`HOOKGATE_TRUST_PROXY`) — the last `X-Forwarded-For` entry, the one that proxy added.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../../schemas/config';

export function nodeClientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // no socket: a request made in process (app.request)
  }
}

/** The client's address for the app (`AppDeps.clientAddress`). */
export function clientAddressOf(config: Pick<Config, 'HOOKGATE_TRUST_PROXY'>): (c: Context) => string | undefined {
  return (c) => {
    if (config.HOOKGATE_TRUST_PROXY) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return nodeClientAddress(c);
  };
}
