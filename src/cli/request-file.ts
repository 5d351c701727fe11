/**
 * Sample requests for `render`, `test` and `send`: a JSON file `{method, headers, query, body | bodyFile}`,
 * or the shortcut `--body FILE` with `--header k:v`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors';

export interface SampleInput {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body?: unknown;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

/** `k:v` header flags as an object (names lower-cased). */
export function parseHeaders(flags: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(':');
    if (colon <= 0) throw new CliError(`--header wants "name:value", got "${flag}"`);
    headers[flag.slice(0, colon).trim().toLowerCase()] = flag.slice(colon + 1).trim();
  }
  return headers;
}

/** The content type a body file is most likely sent with, when no header says it. */
function guessContentType(path: string, text: string): string {
  if (path.endsWith('.json')) return 'application/json';
  try {
    JSON.parse(text);
    return 'application/json';
  } catch {
    return /^[\w.%+-]+=[^&]*(&[\w.%+-]+=[^&]*)*$/.test(text.trim()) ? 'application/x-www-form-urlencoded' : 'text/plain';
  }
}

/** A request from `--request FILE`, or from `--body FILE` and `--header` flags. */
export function loadRequest(options: { request?: string; body?: string; header?: string[]; method?: string }): SampleInput {
  if (options.request) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readText(options.request)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${options.request} is not JSON: ${(error as Error).message}`);
    }
    const headers = { ...((parsed.headers as Record<string, string>) ?? {}), ...parseHeaders(options.header ?? []) };
    let body = parsed.body;
    if (typeof parsed.bodyFile === 'string') body = readText(resolve(dirname(options.request), parsed.bodyFile));
    return {
      method: String(parsed.method ?? options.method ?? 'POST').toUpperCase(),
      headers,
      query: (parsed.query as SampleInput['query']) ?? {},
      body,
    };
  }
  if (!options.body) throw new CliError('give the request: --request FILE, or --body FILE with --header name:value');
  const text = readText(options.body);
  const headers = parseHeaders(options.header ?? []);
  headers['content-type'] ??= guessContentType(options.body, text);
  return { method: (options.method ?? 'POST').toUpperCase(), headers, query: {}, body: text };
}
