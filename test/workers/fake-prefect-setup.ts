/** Global setup of the Workers suite (runs in Node): a fake Prefect events API the worker forwards to. */
import type { TestProject } from 'vitest/node';
import { startFakePrefect } from '../helpers/fake-prefect';

export default async function setup(project: TestProject) {
  const fake = await startFakePrefect({ apiKey: 'pnu_workers_key_0123456789' });
  project.provide('prefectUrl', fake.url);
  return () => fake.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    prefectUrl: string;
  }
}
