/**
 * Sending a sink's requests on Node: node:http(s) with keep-alive, a timeout for the whole
 * exchange, no redirects followed, and the SSRF guard (./ssrf.ts) on every new connection of a
 * sink created through the API unless private targets are allowed.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { MAX_EXCERPT_CHARS, type SinkAnswer, type SinkSend } from '../../core/forward/deliver';
import { BlockedTargetError, guardedLookup, isBlockedAddress } from './ssrf';

export interface NodeSinkSendOptions {
  /** `HOOKGATE_SINK_ALLOW_PRIVATE`: API-created sinks may reach private addresses too. */
  allowPrivate: boolean;
  timeoutMs: number;
  /** For tests: resolve names with this instead of the system resolver. */
  resolve?: Parameters<typeof guardedLookup>[0];
}

/** Bytes of an answer kept at most (the rest is read and dropped). */
const MAX_ANSWER_BYTES = 64 * 1024;

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

export function createNodeSinkSend(options: NodeSinkSendOptions): SinkSend & { close(): void } {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  const guarded = {
    http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
  };
  const lookup = guardedLookup(options.resolve);
  const send: SinkSend = (request, sink) =>
    new Promise<SinkAnswer>((resolve, reject) => {
      const url = new URL(request.url);
      const trusted = options.allowPrivate || sink.origin === 'env';
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!trusted && isIP(host) !== 0 && isBlockedAddress(host)) {
        reject(new BlockedTargetError(`refused: ${host} is a private or reserved address`));
        return;
      }
      const secure = url.protocol === 'https:';
      const body = Buffer.from(request.body);
      const pool = trusted ? agents : guarded;
      const req = (secure ? https : http).request(url, {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(body.length) },
        agent: secure ? pool.https : pool.http,
        ...(!trusted && { lookup }),
      });
      const timer = setTimeout(() => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < MAX_ANSWER_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks)
            .toString('utf8')
            .slice(0, MAX_EXCERPT_CHARS * 4);
          resolve({ status: res.statusCode ?? 0, headers: toHeaders(res.headers), body: text });
        });
      });
      req.end(body);
    });
  return Object.assign(send, {
    close() {
      for (const agent of [...Object.values(agents), ...Object.values(guarded)]) agent.destroy();
    },
  });
}
