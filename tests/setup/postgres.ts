import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type PostgresAddress } from '../helpers/throwawayPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresAddress;
  }
}

/**
 * One throwaway PostgreSQL cluster for the whole test run (tests/helpers/throwawayPostgres.ts);
 * each test file makes its own database in it (tests/helpers/testPostgres.ts).
 */
export default function startPostgres(project: TestProject): () => void {
  const cluster = startThrowawayPostgres();
  project.provide('postgres', { socketDir: cluster.socketDir, port: cluster.port, user: cluster.user });
  return () => cluster.stop();
}
