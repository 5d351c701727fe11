/**
 * Rendering is bounded: output bytes, the text helpers read and build and loop iterations are
 * counted against a budget for the one render under way, and a clear error stops a template that
 * would grow without end. Rendering is synchronous, so one active budget at a time is enough.
 */
import { TemplateRenderError } from './errors';

export interface RenderLimits {
  /** The rendered text may not be longer than this (characters). */
  maxOutputChars: number;
  /** Output, text helpers read and build, and loop bodies together (characters), a bound on work. */
  maxWorkChars: number;
  /** `each` iterations, nested ones included. */
  maxIterations: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  maxOutputChars: 8 * 1024 * 1024,
  maxWorkChars: 32 * 1024 * 1024,
  maxIterations: 200_000,
};

class RenderBudget {
  private work = 0;
  private iterations = 0;
  /**
   * Values placed in the output as tokens, when the caller takes them as values (placement.ts);
   * undefined when the output must be the text itself.
   */
  readonly placements: unknown[] | undefined;
  /** Characters charged for placed values beyond their tokens' length (each value's bound less its token). */
  surplus = 0;
  constructor(
    readonly limits: RenderLimits,
    placing: boolean,
  ) {
    this.placements = placing ? [] : undefined;
  }

  tooMuchOutput(): TemplateRenderError {
    return new TemplateRenderError(
      `the template produces too much text (limit ${this.limits.maxOutputChars} characters of output); check loops and helpers`,
    );
  }

  tooMuchWork(): TemplateRenderError {
    return new TemplateRenderError(
      `the template does too much work (limit ${this.limits.maxWorkChars} characters of text read and built); check loops and helpers`,
    );
  }

  ensureRoom(length: number): void {
    if (length > this.limits.maxOutputChars) throw this.tooMuchOutput();
    if (this.work + length > this.limits.maxWorkChars) throw this.tooMuchWork();
  }

  chargeWork(length: number): void {
    this.work += length;
    if (this.work > this.limits.maxWorkChars) throw this.tooMuchWork();
  }

  chargeIteration(): void {
    this.iterations += 1;
    if (this.iterations > this.limits.maxIterations) {
      throw new TemplateRenderError(`the template loops too often (limit ${this.limits.maxIterations} iterations of #each)`);
    }
  }
}

let active: RenderBudget | undefined;

/** Runs one render with its own budget; the text it returns is held to the output limit. */
export function withBudget(limits: RenderLimits, render: () => string): string {
  return run(new RenderBudget(limits, false), render).text;
}

/** Output with placed values: `text` holds a token for each value of `placements` (placement.ts). */
export interface PlacedOutput {
  text: string;
  placements: unknown[];
}

/**
 * Runs one render whose `{{json}}` values may be placed as tokens. A placed value is charged a
 * bound of its JSON text's length, never less, so this render fails wherever the text render would
 * (and maybe sooner: the caller then renders the text to know).
 */
export function withPlacements(limits: RenderLimits, render: () => string): PlacedOutput {
  const budget = new RenderBudget(limits, true);
  const { text } = run(budget, render);
  return { text, placements: budget.placements ?? [] };
}

function run(budget: RenderBudget, render: () => string): { text: string } {
  const previous = active;
  active = budget;
  try {
    const output = render();
    if (output.length + budget.surplus > budget.limits.maxOutputChars) throw budget.tooMuchOutput();
    return { text: output };
  } finally {
    active = previous;
  }
}

/** The list placed values go to, when the render under way takes values (else undefined). */
export function activePlacements(): unknown[] | undefined {
  return active?.placements;
}

/** Charges a placed value: its bound as output, the bound beyond its token as surplus. */
export function chargePlaced(bound: number, tokenChars: number): void {
  chargeText(bound);
  if (active) active.surplus += bound - tokenChars;
}

/** The surplus charged so far: a loop adds what its iteration's placed values added to its text's length. */
export function placedSurplus(): number {
  return active?.surplus ?? 0;
}

/** Refuses text that would not fit before it is built: for helpers whose output can outgrow their input. */
export function ensureRoom(length: number): void {
  active?.ensureRoom(length);
}

/** Counts `length` characters of text built for the output against the render under way. */
export function chargeText(length: number): void {
  active?.ensureRoom(length);
  active?.chargeWork(length);
}

/** Counts `length` characters of text a helper reads (work proportional to its input). */
export function chargeWork(length: number): void {
  active?.chargeWork(length);
}

export function chargeIteration(): void {
  active?.chargeIteration();
}
