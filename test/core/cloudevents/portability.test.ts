/**
 * The CloudEvents code must run on Workers (DESIGN §8): no `node:*`, no `process.env`, and from the
 * `cloudevents` package only its precompiled 1.0 schema check, whose module graph needs no Node module.
 * The package's entry point does need them (its transports), which is why it is not imported.
 */
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const SRC = new URL('../../../src/', import.meta.url);
const OURS = [
  'core/cloudevents/binary.ts',
  'core/cloudevents/data.ts',
  'core/cloudevents/index.ts',
  'core/cloudevents/read.ts',
  'core/cloudevents/sdk-schema.ts',
  'core/cloudevents/structured.ts',
  'core/cloudevents/types.ts',
  'core/cloudevents/validate.ts',
  'core/map/cloudevents.ts',
  'core/handshake/cloudevents.ts',
  'core/context.ts',
];

function importsOf(file: string): string[] {
  const source = readFileSync(new URL(file, SRC), 'utf8');
  return [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');
}

/** Every module a CommonJS file loads, transitively: Node built-ins by name, files by path. */
function requireGraph(entry: string): { builtins: Set<string>; files: Set<string> } {
  const builtins = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of source.matchAll(/require\("([^"]+)"\)/g)) {
      if (isBuiltin(specifier)) builtins.add(specifier);
      else visit(createRequire(file).resolve(specifier.startsWith('.') ? join(dirname(file), specifier) : specifier));
    }
  };
  visit(entry);
  return { builtins, files };
}

describe('Workers portability', () => {
  it.each(OURS)('%s imports no Node module and reads no process.env', (file) => {
    for (const specifier of importsOf(file)) {
      expect(specifier.startsWith('.') || ['zod', 'cloudevents/dist/schema/v1.js'].includes(specifier), specifier).toBe(true);
    }
    const code = readFileSync(new URL(file, SRC), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/process\.env|\bBuffer\b|node:/);
  });

  it('the SDK schema check loads no Node module and generates no code', () => {
    const { builtins, files } = requireGraph(require.resolve('cloudevents/dist/schema/v1.js'));
    expect([...builtins]).toEqual([]);
    expect([...files].map((file) => file.replace(/^.*node_modules\//, '')).sort()).toEqual([
      'ajv-formats/dist/formats.js',
      'ajv/dist/runtime/ucs2length.js',
      'cloudevents/dist/schema/v1.js',
    ]);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/new Function|\beval\(/);
  });

  it("the SDK's entry point needs Node's http, https, events and util: it stays out of src/core", () => {
    const { builtins } = requireGraph(require.resolve('cloudevents'));
    expect([...builtins]).toEqual(expect.arrayContaining(['http', 'https', 'events', 'util']));
  });
});
