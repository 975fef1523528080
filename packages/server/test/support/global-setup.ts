import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of a reachable PostgreSQL database, or null when the PostgreSQL suite is skipped. */
    postgresUrl: string | null;
  }
}

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Decides once per run whether the PostgreSQL half of the engine matrix runs. Under CI=true (or
 * PORTCULLIS_TEST_REQUIRE_POSTGRES=1) an unreachable PostgreSQL fails the run instead of hiding it.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.PORTCULLIS_TEST_DATABASE_URL ?? defaultUrl;
  const required = process.env.CI === 'true' || process.env.PORTCULLIS_TEST_REQUIRE_POSTGRES === '1';
  const problem = await reachable(url);
  if (problem && required) {
    throw new Error(`PostgreSQL is required for this run but ${url} does not answer: ${problem}`);
  }
  if (problem) {
    process.stderr.write(
      `\n${'!'.repeat(78)}\n!! PostgreSQL at ${url} does not answer (${problem}).\n` +
        `!! THE POSTGRESQL SUITE IS SKIPPED. Set PORTCULLIS_TEST_DATABASE_URL or start PostgreSQL.\n${'!'.repeat(78)}\n\n`,
    );
  }
  project.provide('postgresUrl', problem ? null : url);
}
