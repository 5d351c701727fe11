/**
 * The Node logger writes stdout lines in one batch per turn of the event loop: no line is lost
 * when the process exits right after logging, lines keep their order, and an error line (stderr)
 * comes after the lines logged before it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const logger = fileURLToPath(new URL('../../src/adapter/node/logger.ts', import.meta.url));

function run(script: string): string {
  const source = `import { createConsoleLogger } from ${JSON.stringify(logger)};\nconst log = createConsoleLogger();\n${script}`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const messages = (output: string) =>
  output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { msg: string; level: string; n?: number });

describe('Node logger', { timeout: 60_000 }, () => {
  it('keeps every line, in order, when the process exits in the same turn', () => {
    const output = run('for (let n = 0; n < 500; n++) log.info("line", { n });\nlog.warn("last");\nprocess.exit(0);');
    const lines = messages(output);
    expect(lines).toHaveLength(501);
    expect(lines.slice(0, 500).map((line) => line.n)).toEqual(Array.from({ length: 500 }, (_, n) => n));
    expect(lines[500]).toMatchObject({ level: 'warn', msg: 'last' });
  });

  it('writes the lines of a turn together on the next one', () => {
    const output = run('log.info("a"); log.info("b"); setTimeout(() => log.info("c"), 5);');
    expect(messages(output).map((line) => line.msg)).toEqual(['a', 'b', 'c']);
  });

  it('writes pending lines before an error line', () => {
    const source = `import { createConsoleLogger } from ${JSON.stringify(logger)};
const log = createConsoleLogger();
const order = [];
const out = process.stdout.write.bind(process.stdout);
process.stdout.write = (text) => { order.push('stdout'); return out(text); };
const err = process.stderr.write.bind(process.stderr);
process.stderr.write = (text) => { order.push('stderr'); return err(text); };
log.info('before'); log.error('failed'); log.info('after');
setTimeout(() => err(JSON.stringify(order) + '\\n'), 5);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], { encoding: 'utf8' });
    expect(messages(result.stdout).map((line) => line.msg)).toEqual(['before', 'after']);
    const order = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '[]') as string[];
    expect(order).toEqual(['stdout', 'stderr', 'stdout']);
  });
});
