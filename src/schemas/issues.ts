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

/** Issues listed in an error at most: a body with a million wrong items gets a short answer. */
export const MAX_LISTED_ISSUES = 20;
/** Issues named in a one-line description at most; the rest are counted. */
export const MAX_DESCRIBED_ISSUES = 5;

/** The first MAX_LISTED_ISSUES issues as `{path, message}` (the caller reports the full count). */
export function summarizeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): IssueSummary[] {
  return issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message.slice(0, 500) }));
}

/** One line per issue, `path: message`, joined with "; "; past MAX_DESCRIBED_ISSUES, "and N more". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string {
  const described = summarizeIssues(issues.slice(0, MAX_DESCRIBED_ISSUES), prefix)
    .map(({ path, message }) => (path ? `${path}: ${message}` : message))
    .join('; ');
  const more = issues.length - MAX_DESCRIBED_ISSUES;
  return more > 0 ? `${described}; and ${more} more issue${more === 1 ? '' : 's'}` : described;
}

/** Parses `value` with `schema`, or throws 422 `validation-failed` listing every issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { issues } = result.error;
  throw new InputError(422, 'validation-failed', describeIssues(issues, prefix), {
    issues: summarizeIssues(issues, prefix),
    issueCount: issues.length,
  });
}
