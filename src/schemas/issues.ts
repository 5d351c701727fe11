/** Zod issues as messages that name the field and the rule: `related[0]["prefect.resource.role"]: is required`. */
import type { z } from 'zod';

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
