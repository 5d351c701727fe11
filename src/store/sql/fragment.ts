/** SQL fragments with their bound parameters, so WHERE clauses compose without string juggling. */
import type { Dialect } from './dialect';

/** A piece of SQL and its `?` parameters, in order. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

/** Matches nothing: Prefect's `sa.false()`, e.g. for an empty list of label values. */
export const NEVER: Fragment = { sql: '(1 = 0)', params: [] };

/** `sql` with its parameters, in the order of its `?`s. */
export function fragment(sql: string, ...params: unknown[]): Fragment {
  return { sql, params };
}

function join(parts: readonly Fragment[], operator: 'AND' | 'OR'): Fragment {
  if (parts.length === 1) return parts[0] as Fragment;
  return {
    sql: `(${parts.map((part) => part.sql).join(` ${operator} `)})`,
    params: parts.flatMap((part) => part.params),
  };
}

/** All of `parts`; `undefined` when there are none (no condition at all). */
export function and(parts: readonly Fragment[]): Fragment | undefined {
  return parts.length === 0 ? undefined : join(parts, 'AND');
}

/** Any of `parts`; an empty list matches nothing. */
export function or(parts: readonly Fragment[]): Fragment {
  return parts.length === 0 ? NEVER : join(parts, 'OR');
}

/**
 * Lists longer than this are bound as one JSON array (`json_each`, `jsonb_array_elements_text`), which keeps statements under
 * D1's 100-parameter limit whatever the list length.
 */
const MAX_INLINE_LIST = 10;

/** `column IN (...)` (`NOT IN` when `negate`); `values` must not be empty. */
export function inList(dialect: Dialect, column: string, values: readonly string[], negate = false): Fragment {
  const operator = negate ? 'NOT IN' : 'IN';
  if (values.length === 1) return fragment(`${column} ${negate ? '<>' : '='} ?`, values[0]);
  if (values.length > MAX_INLINE_LIST) {
    return fragment(`${column} ${operator} (SELECT v.value FROM ${dialect.jsonValues('v')})`, JSON.stringify(values));
  }
  return fragment(`${column} ${operator} (${values.map(() => '?').join(', ')})`, ...values);
}

/** True when a list filter is given and not empty (Prefect treats `[]` like an absent list). */
export function present<T>(values: readonly T[] | null | undefined): values is readonly T[] {
  return Array.isArray(values) && values.length > 0;
}
