/**
 * Hears other processes change webhooks: one connection of its own LISTENs on `hookgate_webhooks`
 * (a trigger notifies every insert, update and delete, see migrations/postgres/), and each notice
 * drops that webhook from this process's cache. While the connection is down, notices may be
 * missed: the cache is emptied and not used until listening again, and the connection is retried.
 * @see https://www.postgresql.org/docs/15/sql-notify.html
 */
import pg from 'pg';
import type { WebhookCache } from '../webhook-cache';

export const WEBHOOKS_CHANNEL = 'hookgate_webhooks';
const RETRY_MS = 500;

export interface WebhookListener {
  /** True while notices arrive: only then may the cache be trusted. */
  readonly listening: boolean;
  close(): Promise<void>;
}

export function listenForWebhookChanges(config: pg.ClientConfig, cache: WebhookCache): WebhookListener {
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function lost(): void {
    listening = false;
    cache.clear();
    const gone = client;
    client = undefined;
    gone?.removeAllListeners();
    gone?.on('error', () => {});
    void gone?.end().catch(() => {});
    if (!closed && !timer) timer = setTimeout(connect, RETRY_MS);
  }

  async function connect(): Promise<void> {
    timer = undefined;
    if (closed) return;
    const next = new pg.Client(config);
    client = next;
    next.on('error', lost);
    next.on('end', () => client === next && lost());
    next.on('notification', (notice) => {
      if (notice.channel === WEBHOOKS_CHANNEL && notice.payload) cache.forget(notice.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WEBHOOKS_CHANNEL}`);
      if (client !== next) return;
      // Whatever changed before LISTEN took effect is not in the cache either: start empty.
      cache.clear();
      listening = true;
    } catch {
      if (client === next) lost();
    }
  }

  void connect();
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      listening = false;
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      current?.on('error', () => {});
      await current?.end().catch(() => {});
    },
  };
}
