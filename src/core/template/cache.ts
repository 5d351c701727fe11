/**
 * Compiled templates by their text: each template version is compiled once, not per request.
 * Bounded (least recently used out first) so edited templates do not pile up.
 */
import { createLru } from '../../lib/lru';
import type { RenderFn } from './render-fn';

export const TEMPLATE_CACHE_SIZE = 500;

export function createTemplateCache(
  compile: (source: string) => RenderFn,
  size = TEMPLATE_CACHE_SIZE,
): (source: string) => RenderFn {
  const remember = createLru<RenderFn>(size);
  return (source) => remember(source, () => compile(source));
}
