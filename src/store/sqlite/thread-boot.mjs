// Entry of the SQLite worker threads when running from TypeScript sources (tests, tsx): a worker
// starts plain JavaScript, so this registers tsx (a runtime dependency, as for the gateway) and then
// loads the TypeScript module named by the worker's last argv entry (writer-thread.ts, checkpoint-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import(new URL(process.argv.at(-1), import.meta.url).href);
