import { describe, expect, it } from 'vitest';
import { parseTextQuery, type TextQuery } from '../../../src/store/sql/text-query';

const query = (include: string[] = [], exclude: string[] = [], required: string[] = []): TextQuery => ({
  include,
  exclude,
  required,
});

describe('parseTextQuery (Prefect text search grammar)', () => {
  const cases: [string, TextQuery][] = [
    ['', query()],
    ['   ', query()],
    ['error', query(['error'])],
    ['error success', query(['error', 'success'])],
    ['flow -test', query(['flow'], ['test'])],
    ['flow !debug', query(['flow'], ['debug'])],
    ['+flow +failed', query([], [], ['flow', 'failed'])],
    ['"connection timeout"', query(['connection timeout'])],
    ['flow -"connection timeout"', query(['flow'], ['connection timeout'])],
    ['"say \\"hi\\"" "a\\\\b" "c\\d"', query(['say "hi"', 'a\\b', 'c\\d'])],
    ['"unclosed phrase', query(['unclosed phrase'])],
    ['- deployment', query(['deployment'])],
    ['a + b !', query(['a', 'b'])],
    ['task-run', query(['task-run'])],
    ['--x', query([], ['-x'])],
    ['abc"def ghi"', query(['abc', 'def ghi'])],
    ['"   "', query()],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseTextQuery(text)).toEqual(expected);
  });
});
