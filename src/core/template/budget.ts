/**
 * Rendering is bounded: output bytes, the text helpers build and loop iterations are counted
 * against a budget for the one render under way, and a clear error stops a template that
 * would grow without end. Rendering is synchronous, so one active budget at a time is enough.
 */
import { TemplateRenderError } from './errors';

export interface RenderLimits {
  /** The rendered text may not be longer than this (characters). */
  maxOutputChars: number;
  /** Output, helper results and loop bodies together (characters), a bound on work. */
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

  chargeText(length: number): void {
    this.work += length;
    if (length > this.limits.maxOutputChars || this.work > this.limits.maxWorkChars) {
      throw new TemplateRenderError(
        `the template produces too much text (limit ${this.limits.maxOutputChars} characters of output); check loops and helpers`,
      );
    }
  }

  chargeIteration(): void {
    this.iterations += 1;
    if (this.iterations > this.limits.maxIterations) {
      throw new TemplateRenderError(`the template loops too often (limit ${this.limits.maxIterations} iterations of #each)`);
    }
  }
}

let active: RenderBudget | undefined;

/** Runs one render with its own budget. */
export function withBudget<T>(limits: RenderLimits, render: () => T): T {
  const previous = active;
  active = new RenderBudget(limits);
  try {
    return render();
  } finally {
    active = previous;
  }
}

/** Counts `length` characters of text against the render under way. */
export function chargeText(length: number): void {
  active?.chargeText(length);
}

export function chargeIteration(): void {
  active?.chargeIteration();
}
