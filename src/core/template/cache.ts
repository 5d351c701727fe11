/**
 * Compiled templates by their text: each template version is compiled once, not per request.
 * Bounded (least recently used out first) so edited templates do not pile up.
 */
import type { RenderFn } from './render-fn';

export const TEMPLATE_CACHE_SIZE = 500;

export function createTemplateCache(
  compile: (source: string) => RenderFn,
  size = TEMPLATE_CACHE_SIZE,
): (source: string) => RenderFn {
  const cache = new Map<string, RenderFn>();
  return (source) => {
    let render = cache.get(source);
    if (render) {
      cache.delete(source);
    } else {
      render = compile(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, render);
    return render;
  };
}
