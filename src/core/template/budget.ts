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
  constructor(readonly limits: RenderLimits) {}

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
  const previous = active;
  const budget = new RenderBudget(limits);
  active = budget;
  try {
    const output = render();
    if (output.length > limits.maxOutputChars) throw budget.tooMuchOutput();
    return output;
  } finally {
    active = previous;
  }
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
