/** JSON-lines logging on Node: one object per line on stdout (errors on stderr). */
import type { Logger } from '../../deps';

function line(level: string, message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
}

export function createConsoleLogger(quiet = false): Logger {
  return {
    info: (message, fields) => {
      if (!quiet) process.stdout.write(`${line('info', message, fields)}\n`);
    },
    warn: (message, fields) => process.stdout.write(`${line('warn', message, fields)}\n`),
    error: (message, fields) => process.stderr.write(`${line('error', message, fields)}\n`),
  };
}
