/**
 * The admin token on Node: `HOOKGATE_ADMIN_TOKEN` when set; otherwise one generated on first
 * start, kept in the data directory (mode 0600) and printed once.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from '../../lib/secrets';

export const ADMIN_TOKEN_FILE = 'admin-token';

export interface AdminToken {
  token: string;
  /** Where it came from, for the start-up message. */
  source: 'environment' | 'generated' | 'file';
  file?: string;
}

export function resolveAdminToken(fromEnv: string | undefined, dataDir: string): AdminToken {
  if (fromEnv) return { token: fromEnv, source: 'environment' };
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { token, source: 'file', file };
  }
  const token = `hg_${randomToken(32)}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated', file };
}

/** Reads the token a local gateway keeps, for the CLI and tests; undefined when there is none. */
export function readKeptAdminToken(dataDir: string): string | undefined {
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
