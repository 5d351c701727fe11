/**
 * The peer row: Node-RED, installed on demand into bench/.peers/node-red (git-ignored, never a
 * dependency of ours), running a flow that does the github-push scenario's job minus verification,
 * validation, idempotency, indexes and fsync; driven and measured exactly like our scenarios.
 * @see https://nodered.org/docs/getting-started/local
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCpu } from './cpu';
import { load } from './load';
import { NODE_RED_HOOK_PATH, writeNodeRedUserDir } from './node-red-flow';
import { type Server, startServer } from './processes';
import type { ScenarioResult } from './report';
import type { Scenario } from './scenarios';

/** 4.1.x, as in the research's runs; 5.x needs Node ≥ 22.9, and we support Node 20. */
export const NODE_RED_VERSION = '4.1.15';
const PEER_DIR = fileURLToPath(new URL('./.peers/node-red/', import.meta.url));
const INSTALL_TIMEOUT_MS = 300_000;

export type PeerOutcome = { result: ScenarioResult } | { skipped: string };

function installedVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(PEER_DIR, 'node_modules/node-red/package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return undefined;
  }
}

/** npm's error code and first message line (`code ECONNREFUSED: FetchError: request to … failed`), without the stack. */
function npmReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((line) => line.startsWith('npm error '))
    .map((line) => line.slice('npm error '.length).trim());
  const code = lines.find((line) => line.startsWith('code '));
  const message = lines.find((line) => line !== '' && !/^(code|syscall|errno|at) /.test(line));
  return [code, message].filter(Boolean).join(': ') || stderr.trim().split('\n').at(-1) || 'no output';
}

/** Node-RED's red.js: the install already there at NODE_RED_VERSION, else one made now with npm. Throws why not. */
export function ensureNodeRed(): string {
  const redJs = join(PEER_DIR, 'node_modules/node-red/red.js');
  if (installedVersion() === NODE_RED_VERSION) return redJs;
  mkdirSync(PEER_DIR, { recursive: true });
  // Formatted as Biome would (it checks bench/**, and this folder is only git-ignored).
  const manifest = { private: true, description: 'hookgate bench peer (git-ignored)' };
  writeFileSync(join(PEER_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const npm = spawnSync(
    'npm',
    [
      'install',
      `node-red@${NODE_RED_VERSION}`,
      '--prefix',
      PEER_DIR,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--omit=dev',
      '--fetch-retries=1',
    ],
    { encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (npm.error) throw new Error(`npm install node-red@${NODE_RED_VERSION}: ${npm.error.message}`);
  if (npm.status !== 0) {
    throw new Error(`npm install node-red@${NODE_RED_VERSION} exited with ${npm.status}: ${npmReason(npm.stderr)}`);
  }
  if (installedVersion() !== NODE_RED_VERSION) throw new Error(`npm installed node-red ${installedVersion() ?? 'nowhere'}`);
  return redJs;
}

/** Lines in `file` (newline bytes), read in 1 MiB chunks. */
function countLines(file: string): number {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      for (let at = chunk.indexOf(10); at !== -1 && at < read; at = chunk.indexOf(10, at + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/** Installs (or reuses) Node-RED, starts it headless on 127.0.0.1 in `dir`, warms it up, measures it, stops it. */
export async function benchNodeRed(options: {
  dir: string;
  scenario: Scenario;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<PeerOutcome> {
  let redJs: string;
  try {
    redJs = ensureNodeRed();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const userDir = join(options.dir, 'node-red');
  mkdirSync(userDir, { recursive: true });
  const { settingsFile, eventsFile } = writeNodeRedUserDir(userDir);
  let server: Server;
  try {
    server = await startServer(redJs, {}, 'Server now running at', [], ['--settings', settingsFile, '--userDir', userDir]);
  } catch (error) {
    const lines = (error as Error).message.trim().split('\n');
    return { skipped: `Node-RED did not start: ${lines.at(-1)}` };
  }
  try {
    const request = { url: `${server.url}${NODE_RED_HOOK_PATH}`, ...options.scenario.request, connections: options.connections };
    await load({ ...request, durationSeconds: options.warmupSeconds });
    const before = countLines(eventsFile);
    const result = await withCpu(server.child.pid ?? 0, () => load({ ...request, durationSeconds: options.seconds }));
    return {
      result: {
        name: 'node-red',
        description: `Node-RED ${NODE_RED_VERSION}, same push: http in → change → json → template → file append (no fsync) → 204; verifies, validates and indexes nothing`,
        ...result,
        eventsPerSecond: result.rps,
        rss: server.memory(),
        stored: countLines(eventsFile) - before,
        expected: result.requests - result.non2xx,
      },
    };
  } finally {
    await server.stop();
  }
}

/** The row in results.json, with our github-push's req/s and CPU per request as ratios to Node-RED's. */
export function peerRow(outcome: PeerOutcome, ours: ScenarioResult | undefined): Record<string, unknown> {
  if ('skipped' in outcome) return { name: 'node-red', version: NODE_RED_VERSION, skipped: outcome.skipped };
  const r = outcome.result;
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? Number((a / b).toFixed(2)) : null);
  return {
    name: r.name,
    version: NODE_RED_VERSION,
    rps: Math.round(r.rps),
    p50_ms: r.p50Ms,
    p99_ms: r.p99Ms,
    cpu_us_per_request: r.cpuMicrosPerRequest ?? null,
    rss_mb: r.rss.peakMb,
    hookgate_rps_ratio: ratio(ours?.rps, r.rps),
    hookgate_cpu_ratio: ratio(ours?.cpuMicrosPerRequest, r.cpuMicrosPerRequest),
  };
}

/** One line under the table: our github-push against the peer, or why the peer row is missing. */
export function peerLine(outcome: PeerOutcome, ours: ScenarioResult | undefined): string {
  if ('skipped' in outcome) return `\nNode-RED peer row skipped: ${outcome.skipped}\n`;
  if (!ours) return '\nPeer: no github-push row in this run to compare with Node-RED\n';
  const row = peerRow(outcome, ours);
  return (
    `\nPeer: hookgate github-push makes ${row.hookgate_rps_ratio}× Node-RED's req/s and uses ${row.hookgate_cpu_ratio}× its CPU per request ` +
    '(Node-RED appends a line; hookgate verifies the HMAC, validates, and commits the indexed, idempotent event before its 2xx)\n'
  );
}
