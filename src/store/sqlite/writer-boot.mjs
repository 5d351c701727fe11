// Entry of the SQLite writer thread: a worker starts plain JavaScript, so this registers tsx
// (a runtime dependency, as for the gateway) and then loads the TypeScript writer.
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread.ts');
