/** Template errors: they name the line and column (1-based) and what went wrong. */
import { MappingError } from '../../lib/errors';

/** The template text cannot be parsed; found at save time. */
export class TemplateSyntaxError extends MappingError {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super('template-syntax-error', 'The template cannot be parsed', `line ${line}, column ${column}: ${reason}`, {
      line,
      column,
    });
  }
}

/** Rendering failed: a helper refused its input, or a limit was reached. */
export class TemplateRenderError extends MappingError {
  constructor(reason: string, extras: Record<string, unknown> = {}) {
    super('template-render-failed', 'The template could not be rendered', reason, extras);
  }
}
