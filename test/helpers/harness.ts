/**
 * Starts the real app (buildApp, real database, real HTTP) against a real fake Slack on loopback, with a
 * clock the test controls. Every e2e test goes through this; nothing of the project is mocked.
 * The database is a temp SQLite file, or a fresh PostgreSQL schema when TEST_DB=postgres (see ./db.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SlackToApp, viaSocketMode } from '../../emulator/deliver.js';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';
import { type BuiltApp, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type DatabaseHandle, isPostgresUrl, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { japaneseAnalyzer } from '../../src/text/japaneseAnalyzer.js';
import { dropTestDatabase, testDatabaseUrlFor, warmUp } from './db.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const ADVICE_CHANNEL = 'CADVICE';
export const SUPPORTERS_CHANNEL = 'CSUPPORT';
export const OPERATOR_CHANNEL = 'COPS';
export const OPERATOR = 'UOPS';

export type Harness = {
  fake: FakeSlack;
  slack: SlackToApp;
  built: BuiltApp;
  config: Config;
  database: DatabaseHandle;
  dir: string;
  /** Log lines the app wrote (JSON strings), for asserting on what is and isn't logged. */
  logs: string[];
  now: () => Date;
  setNow: (iso: string) => void;
  /** Waits until the app has finished with everything sent so far (work after the ack included). */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
};

export type HarnessOptions = {
  env?: Record<string, string>;
  now?: string;
  /**
   * How Slack reaches the app: signed HTTP requests (default), or Socket Mode — the app started with
   * SLACK_SOCKET_MODE=true and the fake's app-level token, SlackToApp sending envelopes over the link.
   */
  transport?: 'http' | 'socket';
  /**
   * Leave the name analyser cold (for a test of the first /consult meeting it loading). By default the
   * harness waits for it, as main.ts warms it at start, so no test's first /consult races a ~1 s load.
   */
  coldNameAnalyzer?: boolean;
};

const databaseUrls = new Map<string, string>();

/**
 * The DATABASE_URL for `dbFile`: a PostgreSQL URL is used as it is (a test passing on the harness's own
 * `config.databaseUrl`); a file path is that SQLite file — or, when TEST_DB=postgres, a fresh schema,
 * the same one every time the same path is asked for.
 */
const databaseUrlFor = (dbFile: string): string => {
  if (isPostgresUrl(dbFile)) return dbFile;
  let url = databaseUrls.get(dbFile);
  if (!url) {
    url = testDatabaseUrlFor(dbFile);
    databaseUrls.set(dbFile, url);
  }
  return url;
};

export const testEnv = (
  fake: Pick<FakeSlack, 'botToken' | 'apiUrl'>,
  dbFile: string,
  extra: Record<string, string> = {},
) => ({
  SLACK_BOT_TOKEN: fake.botToken,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: databaseUrlFor(dbFile),
  PORT: '0',
  ADVICE_CHANNEL_ID: ADVICE_CHANNEL,
  OPERATOR_CHANNEL_ID: OPERATOR_CHANNEL,
  OPERATOR_USER_IDS: OPERATOR,
  SCHEDULER_ENABLED: 'false',
  LOG_LEVEL: 'info',
  ...extra,
});

export const startHarness = async (opts: HarnessOptions = {}): Promise<Harness> => {
  const analyzer = opts.coldNameAnalyzer ? undefined : japaneseAnalyzer();
  const dir = mkdtempSync(join(tmpdir(), 'supporter-desk-test-'));
  const fake = await new FakeSlack().start();
  seedWorkspace(fake);
  const socket = opts.transport === 'socket';
  const modeEnv: Record<string, string> = socket
    ? { SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: fake.appToken }
    : {};
  const config = loadConfig(testEnv(fake, join(dir, 'test.sqlite'), { ...modeEnv, ...opts.env }));
  const database = openDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
  await migrateToLatest(database.db);
  await warmUp(database);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  let current = new Date(opts.now ?? '2026-11-25T10:00:00+09:00');
  const built = buildApp({ config, database, logger, clock: () => current });
  let port: number | undefined;
  try {
    port = await built.start();
  } catch (err) {
    await database.close();
    await fake.stop();
    await dropTestDatabase(config.databaseUrl);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  await analyzer;
  const appUrl = `http://127.0.0.1:${port}/slack/events`;
  const slack = socket
    ? new SlackToApp(fake, appUrl, SIGNING_SECRET, fake.socketMode.appId, viaSocketMode(fake.socketMode))
    : new SlackToApp(fake, appUrl, SIGNING_SECRET);
  return {
    fake,
    slack,
    built,
    config,
    database,
    dir,
    logs,
    now: () => current,
    setNow: (iso) => {
      current = new Date(iso);
    },
    settled: () => built.settled(),
    stop: async () => {
      await built.stop(2000);
      await database.close();
      await fake.stop();
      await dropTestDatabase(config.databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
