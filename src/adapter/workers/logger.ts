/** JSON-lines logging on Workers: one object per line through the console, which Workers' logs collect. */
import type { Logger } from '../../deps';

export const workersLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', msg: message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', msg: message, ...fields })),
};
