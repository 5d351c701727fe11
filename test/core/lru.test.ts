/** The bounded memo behind the template and HMAC-key caches: least recently used out first. */
import { describe, expect, it } from 'vitest';
import { createLru } from '../../src/lib/lru';

describe('createLru', () => {
  it('makes a value once, keeps at most `size`, and drops the least recently used', () => {
    const made: string[] = [];
    const remember = createLru<string>(2);
    const get = (key: string) =>
      remember(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(get('a')).toBe('A'); // 'b' is now the least recently used
    get('c');
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing when making throws', () => {
    const remember = createLru<number>(2);
    expect(() =>
      remember('x', () => {
        throw new Error('bad');
      }),
    ).toThrow('bad');
    expect(remember('x', () => 1)).toBe(1);
  });
});
