/**
 * JSON-lines logging on Node: one object per line on stdout (errors on stderr). Lines to stdout
 * are gathered and written once per turn of the event loop (a pipe write is a system call; under
 * load a request's log line would cost one each), and written at once before an error line and
 * when the process exits, so nothing is lost or reordered.
 */
import { writeSync } from 'node:fs';
import type { Logger } from '../../deps';

function line(level: string, message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
}

/** Text for one stream, written together on the next turn (setImmediate) or at once by `flush`. */
function batchedWriter(fd: number, write: (text: string) => void): { add(text: string): void; flush(): void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    write(text);
  };
  process.once('exit', () => {
    if (pending !== '') writeSync(fd, pending);
    pending = '';
  });
  return {
    add(text) {
      pending += text;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export function createConsoleLogger(quiet = false): Logger {
  const out = batchedWriter(1, (text) => process.stdout.write(text));
  return {
    info: (message, fields) => {
      if (!quiet) out.add(`${line('info', message, fields)}\n`);
    },
    warn: (message, fields) => out.add(`${line('warn', message, fields)}\n`),
    error: (message, fields) => {
      out.flush();
      process.stderr.write(`${line('error', message, fields)}\n`);
    },
  };
}
