/** A bounded memo, least recently used out first: what a cache of compiled templates or imported keys needs. */

/** `remember(key, make)` returns the value kept for `key`, or makes, keeps and returns it; at most `size` are kept. */
export function createLru<V>(size: number): (key: string, make: () => V) => V {
  const entries = new Map<string, V>();
  return (key, make) => {
    let value: V;
    if (entries.has(key)) {
      value = entries.get(key) as V;
      entries.delete(key);
    } else {
      value = make();
      if (entries.size >= size) entries.delete(entries.keys().next().value as string);
    }
    entries.set(key, value);
    return value;
  };
}
