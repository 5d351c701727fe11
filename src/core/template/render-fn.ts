/** What both renderers produce: a function from a context to text, within a render budget. */
import { type PlacedOutput, type RenderLimits, withBudget, withPlacements } from './budget';
import { TemplateRenderError } from './errors';

export interface RenderFn {
  (context: object, limits: RenderLimits): string;
  /**
   * The same render, with `{{json}}` values parsed from text placed as tokens (placement.ts), for
   * a caller that parses the output as JSON. Absent on renderers that cannot.
   */
  placing?: (context: object, limits: RenderLimits) => PlacedOutput;
}

/** Wraps a renderer so every failure comes out as `TemplateRenderError`, with its own budget. */
export function bounded(render: (context: object) => string): RenderFn {
  const guarded = (context: object) => {
    try {
      return render(context);
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      throw new TemplateRenderError((error as Error).message ?? String(error));
    }
  };
  const fn: RenderFn = (context, limits) => withBudget(limits, () => guarded(context));
  fn.placing = (context, limits) => withPlacements(limits, () => guarded(context));
  return fn;
}
