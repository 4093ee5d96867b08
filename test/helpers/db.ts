/**
 * Which database the tests run on, and a migrated database for db-level tests of use cases and repositories.
 *
 * `TEST_DB=postgres` (set by the vitest project `postgres`, see vitest.config.ts) selects PostgreSQL at
 * `TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test); anything else selects SQLite.
 * On PostgreSQL every test database is a fresh schema `t_<run>_<random>` in that one database, named in the
 * URL as `?schema=…` (openDatabase creates it and points search_path at it), dropped when the test's
 * cleanup runs — and in any case by the project's global teardown (test/helpers/pg-global-setup.ts), which
 * drops every schema of the run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase, parsePostgresUrl } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const DEFAULT_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type TestDialect = 'sqlite' | 'postgres';

/** The database this test process runs on (from TEST_DB). */
export const testDialect = (): TestDialect => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
export const onPostgres = (): boolean => testDialect() === 'postgres';

/** The PostgreSQL server (and database) tests use, without a schema. */
export const testServerUrl = (): string => process.env.TEST_DATABASE_URL || DEFAULT_TEST_SERVER_URL;

/** Schemas of one `vitest run` share this prefix, so its teardown drops exactly them. */
export const testSchemaPrefix = (): string => `t_${process.env.TEST_RUN_ID || 'local'}_`;

/**
 * A DATABASE_URL naming a fresh, empty schema on the test server (created on first connection).
 * Always PostgreSQL, whatever TEST_DB says; `testDatabaseUrlFor` follows TEST_DB.
 */
export const testDatabaseUrl = (): string => {
  const url = new URL(testServerUrl());
  url.searchParams.set('schema', `${testSchemaPrefix()}${randomBytes(6).toString('hex')}`);
  return url.toString();
};

/** The DATABASE_URL for a test database at `sqliteFile`: that file, or a fresh schema on PostgreSQL. */
export const testDatabaseUrlFor = (sqliteFile: string): string =>
  onPostgres() ? testDatabaseUrl() : `sqlite:${sqliteFile}`;

const withServer = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: parsePostgresUrl(url).connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/**
 * Releases a test database. A SQLite file goes with its temp directory; a PostgreSQL schema is left for the
 * run's teardown (pg-global-setup.ts drops every schema of the run at the end). Dropping it here, while
 * other test files run, races with them: kysely's migrator introspects the tables of *every* schema before
 * it takes its lock, and a schema dropped during that catalog read fails their migration with
 * `schema "t_…" does not exist`.
 */
export const dropTestDatabase = async (_url: string): Promise<void> => {};

/** Drops every schema whose name starts with `prefix` (the run's teardown). */
export const dropTestSchemas = async (serverUrl: string, prefix: string): Promise<string[]> =>
  withServer(serverUrl, async (c) => {
    const { rows } = await c.query<{ nspname: string }>(
      'select nspname from pg_namespace where starts_with(nspname, $1)',
      [prefix],
    );
    for (const { nspname } of rows) await c.query(`drop schema if exists "${nspname}" cascade`);
    return rows.map((r) => r.nspname);
  });

/**
 * Opens a few pool connections up front on PostgreSQL (a new session costs a backend fork, ~20 ms here),
 * so the first requests of a test are as quick as later ones — as in a running app whose pool is warm.
 */
export const warmUp = async (database: DatabaseHandle, connections = 4): Promise<void> => {
  if (database.dialect !== 'postgres') return;
  await Promise.all(
    Array.from({ length: Math.min(connections, database.poolSize) }, () =>
      database.db.connection().execute((c) => sql`select 1`.execute(c)),
    ),
  );
};

export type TestDb = { database: DatabaseHandle; config: Config; file: string; cleanup: () => Promise<void> };

/** A migrated database (a temp SQLite file, or a fresh PostgreSQL schema when TEST_DB=postgres). */
export const openTestDb = async (env: Record<string, string> = {}): Promise<TestDb> => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-db-'));
  const file = join(dir, 'test.sqlite');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    ADVICE_CHANNEL_ID: 'CADVICE',
    DATABASE_URL: testDatabaseUrlFor(file),
    ...env,
  });
  const database = openDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
  await migrateToLatest(database.db);
  await warmUp(database);
  return {
    database,
    config,
    file,
    cleanup: async () => {
      await database.close();
      await dropTestDatabase(config.databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
