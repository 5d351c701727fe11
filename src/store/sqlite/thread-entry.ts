/**
 * Where a SQLite worker thread starts: its built JavaScript beside the bundle (`npm start` runs
 * dist/), or, from TypeScript sources (tests, tsx), thread-boot.mjs, which registers tsx first and
 * then loads the module named by the thread's argv.
 */
export const FROM_SOURCES = import.meta.url.endsWith('.ts');

export interface ThreadEntry {
  url: URL;
  argv: string[];
}

/** `built`: the file scripts/build.mjs writes beside the bundle; `source`: the TypeScript module here. */
export function threadEntry(built: string, source: string): ThreadEntry {
  return FROM_SOURCES
    ? { url: new URL('./thread-boot.mjs', import.meta.url), argv: [`./${source}`] }
    : { url: new URL(`./${built}`, import.meta.url), argv: [] };
}
