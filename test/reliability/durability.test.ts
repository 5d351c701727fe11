/** The durability proof on the default store, SQLite on a file, in both writer modes (see durability.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildGateway, spawnGateway } from '../helpers/gateway-process';
import { describeDurability } from './durability';

let entry = '';
const dirs: string[] = [];
beforeAll(() => {
  entry = buildGateway('durability');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

for (const writer of ['inline', 'thread'] as const) {
  let dbFile: string | undefined;
  describeDurability(`SQLite file, ${writer} writer`, ({ waitUntilListening }) => {
    if (!dbFile) {
      const dir = mkdtempSync(join(tmpdir(), 'hookgate-durability-'));
      dirs.push(dir);
      dbFile = join(dir, 'hookgate.db');
    }
    return spawnGateway({ entry, env: { HOOKGATE_DB: dbFile, HOOKGATE_SQLITE_WRITER: writer }, waitUntilListening });
  });
}
