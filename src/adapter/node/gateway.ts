/**
 * Starts the gateway on Node: its store (SQLite, or PostgreSQL when configured), generated admin
 * token, HTTP server, the forwarding loop (and the `prefect` sink when PREFECT_API_URL is set) and
 * retention; and stops it cleanly on SIGTERM/SIGINT (no new connections, in-flight requests
 * finish, the drain in flight finishes, then the store closes).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../app';
import { ENV_SINK_NAME, prefectEnvTarget } from '../../core/forward/env-sink';
import { ensureEnvSink } from '../../core/sinks';
import { DEFAULT_RENDER_LIMITS } from '../../core/template/budget';
import type { Logger } from '../../deps';
import type { Config } from '../../schemas/config';
import { fetchCertificateOverHttps } from '../certificate-fetch';
import { resolveAdminToken } from './admin-token';
import { clientAddressOf } from './client-address';
import { nodeHmac } from './crypto';
import { startForwarding, wakingStore } from './forwarding';
import { startRetention } from './retention';
import { applyServerLimits, serverOptions } from './server-limits';
import { openNodeStore } from './store';
import { compileTemplate } from './template-compiler';

export const SHUTDOWN_GRACE_MS = 10_000;

export interface Gateway {
  url: string;
  adminToken: string;
  close(): Promise<void>;
}

export async function startGateway(config: Config, log: Logger): Promise<Gateway> {
  const dbFile = config.HOOKGATE_DB === ':memory:' ? ':memory:' : resolve(config.HOOKGATE_DB);
  const dataDir = dbFile === ':memory:' ? resolve('data') : dirname(dbFile);
  // The database holds webhook secrets: a new data directory is the owner's only, and a new
  // database file too (SQLite gives its -wal and -shm files the database file's mode).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (dbFile !== ':memory:' && !config.HOOKGATE_DATABASE_URL) closeSync(openSync(dbFile, 'a', 0o600));
  const { store: baseStore, description } = await openNodeStore(config, dbFile);
  const admin = resolveAdminToken(config.HOOKGATE_ADMIN_TOKEN, dataDir);
  const envSink = prefectEnvTarget(config);
  if (envSink) await ensureEnvSink(ENV_SINK_NAME, envSink, { store: baseStore, now: Date.now });
  const forwarding = startForwarding(baseStore, {
    allowPrivate: config.HOOKGATE_SINK_ALLOW_PRIVATE,
    timeoutMs: config.HOOKGATE_SINK_TIMEOUT_MS,
    leaseMs: config.HOOKGATE_SINK_LEASE_SECONDS * 1000,
    log,
  });
  const store = wakingStore(baseStore, forwarding.wake);
  const app = createApp({
    forwarding,
    store,
    adminToken: admin.token,
    publicUrl: config.HOOKGATE_PUBLIC_URL,
    maxBodyBytes: config.HOOKGATE_MAX_BODY_BYTES,
    renderLimits: DEFAULT_RENDER_LIMITS,
    compileTemplate,
    hmac: nodeHmac,
    fetchCertificate: fetchCertificateOverHttps,
    now: Date.now,
    log,
    clientAddress: clientAddressOf(config),
    metricsPublic: config.HOOKGATE_METRICS_PUBLIC,
  });

  const retention = startRetention(store, config.HOOKGATE_RETENTION, log);
  const server = await new Promise<Server>((done) => {
    const options = { fetch: app.fetch, hostname: config.HOST, port: config.PORT, serverOptions: serverOptions(config) };
    const s = serve(options, () => done(s as Server));
  });
  applyServerLimits(server, config);
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  if (admin.source === 'generated') {
    process.stdout.write(`hookgate: generated an admin token, kept in ${admin.file}:\n\n  ${admin.token}\n\n`);
  } else if (admin.source === 'file') {
    process.stdout.write(`hookgate: using the admin token kept in ${admin.file}\n`);
  }
  process.stdout.write(`hookgate: listening on ${url} (database ${description})\n`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((done) => {
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        Promise.all([retention.stop(), forwarding.stop()])
          .then(() => store.close())
          .then(done, done);
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, adminToken: admin.token, close };
}

/** Stops the gateway on SIGTERM/SIGINT, then exits. */
export function closeOnSignals(gateway: Gateway): void {
  const stop = (signal: string) => {
    process.stdout.write(`hookgate: ${signal} received, finishing in-flight requests\n`);
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
