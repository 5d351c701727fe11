/**
 * vitest globalSetup of the `postgres` project: the database every PostgreSQL test uses.
 * `HOOKGATE_TEST_DATABASE_URL` (a superuser's URL) when given, else a throwaway server for the run.
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.HOOKGATE_TEST_DATABASE_URL;
  const server = given ? undefined : await startThrowawayPostgres();
  project.provide('postgresUrl', given ?? (server?.url as string));
  return async () => {
    await server?.destroy();
  };
}
