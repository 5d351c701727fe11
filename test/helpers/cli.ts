/** Runs the `hookgate` command as a user does: a child process of bin/hookgate.js. */
import { execFile, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/hookgate.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function hookgate(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, HOOKGATE_ADMIN_TOKEN: '', HOOKGATE_URL: '', ...env }, cwd: tmpdir() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Starts a long-running command (`--follow`, `tail`); `output()` is what it printed so far. */
export function follow(args: string[]): {
  output(): string;
  waitFor(pattern: RegExp, ms?: number): Promise<boolean>;
  stop(): void;
} {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return {
    output: () => output,
    async waitFor(pattern, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (pattern.test(output)) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return pattern.test(output);
    },
    stop: () => child.kill('SIGTERM'),
  };
}
