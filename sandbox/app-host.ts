/**
 * Runs the real Supporter Desk app (buildApp, the real database code, real HTTP) for the sandbox, with
 * configuration made for the demo workspace: random secrets, the fake's API URL, no scheduler.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackToApp } from '../emulator/deliver.js';
import type { FakeSlack } from '../emulator/server.js';
import { type BuiltApp, buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { type DatabaseHandle, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createLogger, type Logger } from '../src/logger.js';
import { CHANNELS, OPERATOR_ID } from './workspace.js';

export type RunningApp = {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  built: BuiltApp;
  /** Slack's side: signed commands, events and interactive payloads to this app. */
  slack: SlackToApp;
  port: number;
  stop: () => Promise<void>;
};

export type AppHostOptions = {
  fake: FakeSlack;
  dbFile: string;
  clock: () => Date;
  log: NodeJS.WritableStream;
  /** PORT for the app: 0 picks a free one (before the start, so PUBLIC_BASE_URL can name it). */
  appPort: number;
  /** Extra environment (e.g. LOG_LEVEL, MONTHLY_SLOT_QUOTA) over the sandbox's own. */
  env?: Record<string, string | undefined>;
};

/**
 * The app's settings for the demo workspace that need no running emulator: its database and channels.
 * Shared by the sandbox's app and `npm run sandbox -- cli …`.
 */
export const workspaceEnv = (
  dbFile: string,
  env: Record<string, string | undefined> = {},
): Record<string, string> => ({
  ...(env as Record<string, string>),
  DATABASE_URL: `sqlite:${dbFile}`,
  ADVICE_CHANNEL_ID: CHANNELS.advice,
  SUPPORTERS_CHANNEL_ID: CHANNELS.supporters,
  OPERATOR_CHANNEL_ID: CHANNELS.operators,
  OPERATOR_USER_IDS: OPERATOR_ID,
  SCHEDULER_ENABLED: 'false',
});

export const sandboxEnv = (
  opts: AppHostOptions,
  signingSecret: string,
  bookingsSecret = randomBytes(24).toString('hex'),
): Record<string, string> => ({
  LOG_LEVEL: 'info',
  ...workspaceEnv(opts.dbFile, opts.env),
  // The "send a test booking" button signs POST /api/bookings with it (sandbox/bookings.ts).
  BOOKINGS_WEBHOOK_SECRET: bookingsSecret,
  SLACK_BOT_TOKEN: opts.fake.botToken,
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_API_URL: opts.fake.apiUrl,
  SLACK_SOCKET_MODE: 'false',
  PORT: String(opts.appPort),
  // The app's own address, so the calendar-feed links it gives (/supporter calendar, the Home) open in
  // the browser: the sandbox's people and the app are all on this machine.
  PUBLIC_BASE_URL: `http://localhost:${opts.appPort}`,
});

/** A port nothing listens on right now (on every interface, as the app's server will listen). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export const startApp = async (opts: AppHostOptions): Promise<RunningApp> => {
  const signingSecret = randomBytes(24).toString('hex');
  const appPort = opts.appPort || (await freePort());
  const config = loadConfig(sandboxEnv({ ...opts, appPort }, signingSecret));
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const logger = createLogger(config.logLevel, opts.log, { sandbox: true });
  const built = buildApp({ config, database, logger, clock: opts.clock });
  const port = await built.start();
  if (!port) throw new Error('the app did not report its port');
  logger.info({ port, database: opts.dbFile, slackApiUrl: config.slack.apiUrl }, 'sandbox: app started');
  const slack = new SlackToApp(opts.fake, `http://127.0.0.1:${port}/slack/events`, signingSecret);
  return {
    config,
    database,
    logger,
    built,
    slack,
    port,
    stop: async () => {
      await built.stop(2000);
      await database.close();
    },
  };
};
