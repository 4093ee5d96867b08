/**
 * Two projects: `sqlite` runs every test file on SQLite; `postgres` runs the database and e2e suites again
 * on PostgreSQL (TEST_DB=postgres, see test/helpers/db.ts) at TEST_DATABASE_URL, by default the local
 * server postgres://postgres@127.0.0.1:5432/test. Each test database there is a fresh schema, dropped at
 * the end. When the server does not answer, CI (`CI` set) fails at once; a local run skips the project
 * with a message saying so.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  configDefaults,
  defineConfig,
  type TestProjectInlineConfiguration,
  type ViteUserConfig,
} from 'vitest/config';

const DEFAULT_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';
const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_SERVER_URL;
// One id per run (the config may be evaluated more than once in the main process): prefixes its schemas.
process.env.TEST_RUN_ID ??= randomBytes(4).toString('hex');
const runId = process.env.TEST_RUN_ID;

/** PostgreSQL-only test files: skipped by the sqlite project. */
const POSTGRES_ONLY = ['test/db/postgres.test.ts', 'test/e2e/two-instances.test.ts'];
/**
 * Not run again by the postgres project: they name their own `sqlite:` files (SQLite backup, PRAGMAs,
 * `npm start` on a file, the SQLite statement cache) or run the sandbox, which always uses its own SQLite
 * file. Their PostgreSQL counterparts (CLI migrate/export/job/doctor/backup, two app processes) are
 * in POSTGRES_ONLY.
 */
const SQLITE_ONLY = [
  'test/e2e/cli.test.ts',
  'test/e2e/start.test.ts',
  'test/e2e/sandbox-*.test.ts',
  'test/db/statementCache.test.ts',
  'test/unit/**',
];

const reachable = async (url: string): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message || err.constructor.name : String(err);
  } finally {
    await client.end().catch(() => {});
  }
};

const postgresProject = async (): Promise<TestProjectInlineConfiguration[]> => {
  const problem = await reachable(serverUrl);
  const shown = serverUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  if (problem) {
    const message = `PostgreSQL at ${shown} is not reachable (${problem})`;
    if (process.env.CI) {
      throw new Error(
        `${message}: CI runs every db and e2e test on PostgreSQL too; start the server (see .ci/run)`,
      );
    }
    if (!process.env.SD_TEST_PG_SKIP_WARNED) {
      process.env.SD_TEST_PG_SKIP_WARNED = '1';
      console.warn(
        `\n[vitest] ${message}: SKIPPING the postgres project — only SQLite is tested. ` +
          'Start PostgreSQL or set TEST_DATABASE_URL to test both.\n',
      );
    }
    return [];
  }
  return [
    {
      extends: true,
      test: {
        name: 'postgres',
        include: ['test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'],
        exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
        env: { TEST_DB: 'postgres', TEST_DATABASE_URL: serverUrl, TEST_RUN_ID: runId },
        globalSetup: ['test/helpers/pg-global-setup.ts'],
      },
    },
  ];
};

export default defineConfig(
  async (): Promise<ViteUserConfig> => ({
    test: {
      include: ['test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // e2e files each start their own app + fake Slack on free ports and their own database (a SQLite file
      // or a PostgreSQL schema), so files can run in parallel; 2 workers fit the 2-core CI machine.
      pool: 'forks',
      maxWorkers: 2,
      reporters: ['default'],
      projects: [
        {
          extends: true,
          test: {
            name: 'sqlite',
            exclude: [...configDefaults.exclude, ...POSTGRES_ONLY],
            env: { TEST_DB: 'sqlite' },
          },
        },
        ...(await postgresProject()),
      ],
    },
  }),
);
