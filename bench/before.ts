/**
 * `BENCH_BEFORE=<git ref>`: the gateway as it was at that commit, built from a detached worktree in
 * a temporary folder (with this checkout's node_modules), so one run measures before and after
 * side by side on the same machine, under the same load, scenario by scenario.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuiltRef {
  /** The commit the ref named, abbreviated. */
  commit: string;
  /** Its `dist/node.mjs`. */
  script: string;
  remove(): void;
}

export function buildAtRef(ref: string, dir: string): BuiltRef {
  const commit = execFileSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const tree = join(dir, `before-${commit}`);
  execFileSync('git', ['worktree', 'add', '--detach', '--force', tree, commit], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(join(tree, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  execFileSync(process.execPath, [join(tree, 'scripts/build.mjs')], { cwd: tree });
  return {
    commit,
    script: join(tree, 'dist/node.mjs'),
    remove: () => execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' }),
  };
}
