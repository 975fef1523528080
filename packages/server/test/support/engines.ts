import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Engine } from '../../src/store/database.js';

export interface TestDatabase {
  engine: Engine;
  url: string;
  /** A scratch directory for the data dir (master key, SQLite file). */
  dataDir: string;
  drop(): Promise<void>;
}

export interface EngineUnderTest {
  engine: Engine;
  /** False when PostgreSQL is unreachable outside CI; the suite is then skipped with a loud banner. */
  available: boolean;
  create(): Promise<TestDatabase>;
}

function scratchDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'portcullis-test-'));
}

const sqlite: EngineUnderTest = {
  engine: 'sqlite',
  available: true,
  async create() {
    const dataDir = scratchDir();
    return {
      engine: 'sqlite',
      url: `sqlite:${path.join(dataDir, 'portcullis.db')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

/** Each PostgreSQL test database is a schema of its own, selected with search_path in the URL. */
function postgres(baseUrl: string | null): EngineUnderTest {
  return {
    engine: 'postgres',
    available: baseUrl !== null,
    async create() {
      if (!baseUrl) throw new Error('PostgreSQL is not available');
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const dataDir = scratchDir();
      return {
        engine: 'postgres',
        url: url.toString(),
        dataDir,
        drop: async () => {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** The engine matrix every storage-touching suite runs over. */
export function enginesUnderTest(): EngineUnderTest[] {
  return [sqlite, postgres(inject('postgresUrl'))];
}

/**
 * Declares `suite` once per engine, `$engine` in the title naming it. An engine that is not available here
 * (PostgreSQL outside CI, announced once by the global set-up) has its suite declared skipped: its tests
 * show as skipped and none of its hooks run, so no test needs a guard of its own.
 */
export function describeOnEachEngine(title: string, suite: (engine: EngineUnderTest) => void): void {
  for (const engine of enginesUnderTest()) {
    const named = title.replaceAll('$engine', engine.engine);
    (engine.available ? describe : describe.skip)(named, () => suite(engine));
  }
}

/**
 * Declares `suite` on the default engine (SQLite) only. For a transport tested through the API, such as
 * the command line: its answers are the API's, whose own suites run on both engines, so a second engine
 * would test the same storage again through a slower door (each command is a process of its own).
 */
export function describeOnDefaultEngine(title: string, suite: (engine: EngineUnderTest) => void): void {
  describe(title.replaceAll('$engine', sqlite.engine), () => suite(sqlite));
}
