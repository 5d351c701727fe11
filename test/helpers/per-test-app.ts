/** A fresh test app over its own SQLite file for every test of a suite, for route tests that store things. */
import { afterEach, beforeEach } from 'vitest';
import type { AppDeps } from '../../src/app';
import { createTestApp, type TestApp } from './app';

export interface PerTestApp {
  /** The current test's app. */
  readonly t: TestApp;
  /** Closes the current app and builds a new one with `overrides`. */
  restart(overrides: Partial<AppDeps>): Promise<void>;
}

/** Registers the per-test app hooks in the calling suite and returns its handle. */
export function usePerTestApp(): PerTestApp {
  let current: TestApp | undefined;
  const app = (): TestApp => {
    if (!current) throw new Error('usePerTestApp: no app outside a test');
    return current;
  };
  beforeEach(() => {
    current = createTestApp();
  });
  afterEach(() => app().close());
  return {
    get t() {
      return app();
    },
    async restart(overrides) {
      await app().close();
      current = createTestApp(overrides);
    },
  };
}
