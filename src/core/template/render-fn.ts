/** What both renderers produce: a function from a context to text, within a render budget. */
import { type RenderLimits, withBudget } from './budget';
import { TemplateRenderError } from './errors';

export type RenderFn = (context: object, limits: RenderLimits) => string;

/** Wraps a renderer so every failure comes out as `TemplateRenderError`, with its own budget. */
export function bounded(render: (context: object) => string): RenderFn {
  return (context, limits) =>
    withBudget(limits, () => {
      try {
        return render(context);
      } catch (error) {
        if (error instanceof TemplateRenderError) throw error;
        throw new TemplateRenderError((error as Error).message ?? String(error));
      }
    });
}
