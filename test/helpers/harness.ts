/**
 * Starts the real app (buildApp, real SQLite file, real HTTP) against a real fake Slack on loopback, with a
 * clock the test controls. Every e2e test goes through this; nothing of the project is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type BuiltApp, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { SlackToApp } from '../fake-slack/deliver.js';
import { FakeSlack } from '../fake-slack/server.js';
import { seedWorkspace } from './workspace.js';

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
  stop: () => Promise<void>;
};

export type HarnessOptions = { env?: Record<string, string>; now?: string };

export const testEnv = (fake: FakeSlack, dbFile: string, extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: fake.botToken,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  DATABASE_URL: `sqlite:${dbFile}`,
  PORT: '0',
  ADVICE_CHANNEL_ID: ADVICE_CHANNEL,
  OPERATOR_CHANNEL_ID: OPERATOR_CHANNEL,
  OPERATOR_USER_IDS: OPERATOR,
  SCHEDULER_ENABLED: 'false',
  LOG_LEVEL: 'info',
  ...extra,
});

export const startHarness = async (opts: HarnessOptions = {}): Promise<Harness> => {
  const dir = mkdtempSync(join(tmpdir(), 'supporter-desk-test-'));
  const fake = await new FakeSlack().start();
  seedWorkspace(fake);
  const config = loadConfig(testEnv(fake, join(dir, 'test.sqlite'), opts.env));
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
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
  const port = await built.start();
  const slack = new SlackToApp(fake, `http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
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
    stop: async () => {
      await built.stop(2000);
      await database.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
