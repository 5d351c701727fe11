/**
 * Another process holding a SQLite database locked (`BEGIN EXCLUSIVE`), as an operator's backup
 * script or a second tool would: a child `node` with its own better-sqlite3 connection, holding
 * the lock until released (or for at most `maxHoldMs`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface LockHolder {
  /** Commits and ends the child; resolves once it has exited. */
  release(): Promise<void>;
}

const SCRIPT = `
const Database = require('better-sqlite3');
const [file, maxHoldMs] = process.argv.slice(1);
const db = new Database(file);
db.pragma('busy_timeout = 10000');
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
const release = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
process.stdin.on('data', release);
process.stdin.on('end', release);
setTimeout(release, Number(maxHoldMs));
`;

export async function holdLock(dbFile: string, maxHoldMs = 20_000): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', SCRIPT, dbFile, String(maxHoldMs)], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
  return {
    async release() {
      if (child.exitCode === null) child.stdin.end('release\n');
      await exited;
    },
  };
}
