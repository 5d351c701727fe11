/** The sender's address on Node: the socket's remote address (a proxy in front shows as itself). */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function nodeClientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // no socket: a request made in process (app.request)
  }
}
