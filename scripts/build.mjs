// `npm start` builds first: the gateway and its SQLite writer and checkpoint threads as plain JavaScript in dist/
// (esbuild, well under a second), so the running gateway needs no TypeScript loader — less memory,
// faster start. Dependencies stay in node_modules (not bundled). `node scripts/build.mjs <dir>` builds
// into another folder of this repository (the process suites each build their own, side by side).
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist';

await build({
  entryPoints: {
    node: 'src/node.ts',
    'sqlite-writer-thread': 'src/store/sqlite/writer-thread.ts',
    'sqlite-checkpoint-thread': 'src/store/sqlite/checkpoint-thread.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
