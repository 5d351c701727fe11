/**
 * The management API over HTTP, for the CLI: admin token attached, problem+json turned into one
 * clear line, and an unreachable gateway said plainly.
 */
import { CliError } from './errors';

export interface ClientOptions {
  url: string;
  token?: string;
}

export interface Client {
  readonly url: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  issues?: { path: string; message: string }[];
}

function describeProblem(status: number, problem: Problem): string {
  const issues = problem.issues?.length ? problem.issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ') : undefined;
  const text = issues ?? problem.detail ?? problem.title ?? `HTTP ${status}`;
  return problem.code ? `${text} (${problem.code})` : text;
}

function parseProblem(text: string): Problem {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Problem;
  } catch {
    // Not JSON: the text itself is the best detail there is.
  }
  return { detail: text.slice(0, 200) };
}

export function createClient({ url, token }: ClientOptions): Client {
  const base = url.replace(/\/+$/, '');
  return {
    url: base,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      if (!token) {
        throw new CliError(
          'no admin token: pass --token, set HOOKGATE_ADMIN_TOKEN, or run where the gateway keeps data/admin-token',
        );
      }
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        throw new CliError(`cannot reach the gateway at ${base} — is \`npm start\` running?`);
      }
      const text = await response.text();
      if (!response.ok) {
        const problem = parseProblem(text);
        // Only `unauthorized` is about the token; another 401 (a proxy's, an older gateway's dry run) says its own.
        if (response.status === 401 && problem.code === 'unauthorized')
          throw new CliError(`the gateway at ${base} refused the token: not the admin token or a live API key (401)`);
        const missing = /^\/api\/(webhook|event)s\/([^/?]+)/.exec(path);
        if (response.status === 404 && missing)
          throw new CliError(`${missing[1]} ${decodeURIComponent(missing[2] ?? '')} not found`);
        throw new CliError(describeProblem(response.status, problem));
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
