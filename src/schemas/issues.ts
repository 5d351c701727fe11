/** Zod issues as messages that name the field and the rule: `related[0]["prefect.resource.role"]: is required`. */
import type { z } from 'zod';
import { InputError } from '../lib/errors';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export interface IssueSummary {
  path: string;
  message: string;
}

export function summarizeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): IssueSummary[] {
  return issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/** One line per issue, `path: message`, joined with "; ". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string {
  return summarizeIssues(issues, prefix)
    .map(({ path, message }) => (path ? `${path}: ${message}` : message))
    .join('; ');
}

/** Parses `value` with `schema`, or throws 422 `validation-failed` listing every issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(422, 'validation-failed', describeIssues(result.error.issues, prefix), {
    issues: summarizeIssues(result.error.issues, prefix),
  });
}
