/**
 * Composition root: config → logger → database (migrated) → app → scheduler → start. Nothing else.
 * The only place (with cli.ts) that reads process.env and the real clock.
 */
import { existsSync } from 'node:fs';
import { buildApp } from './app.js';
import { createBusyCalendar } from './calendar/busyCalendar.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createJobClient } from './delivery/client.js';
import { JOBS } from './jobs/registry.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLogger } from './logger.js';
import { japaneseAnalyzer } from './text/japaneseAnalyzer.js';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`supporter-desk: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = openDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
  const migrated = await migrateToLatest(database.db);
  if (migrated.applied.length) logger.info({ applied: migrated.applied }, 'database migrated');

  const clock = () => new Date();
  // One busy-calendar reader for the listeners and the jobs: one cache of supporters' calendars.
  const busy = createBusyCalendar();
  const built = buildApp({ config, database, logger, clock, busy });
  const port = await built.start();
  const scheduler = config.scheduler.enabled
    ? startScheduler({ config, db: database.db, logger, slack: createJobClient(config), busy }, JOBS, {
        clock,
      })
    : undefined;
  logger.info(
    { port, mode: config.slack.socketMode ? 'socket' : 'http', database: database.dialect },
    'Supporter Desk is running',
  );
  warmNameAnalyzer(logger);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing in-flight work');
    try {
      await built.stop();
      await scheduler?.stop();
      await database.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

/**
 * Loads the personal-data guard's dictionary now, not on the first /consult; not awaited, so startup and
 * /healthz never wait for it. A command that comes in before it is ready waits for it after its ack.
 */
const warmNameAnalyzer = (logger: ReturnType<typeof createLogger>) => {
  const started = Date.now();
  japaneseAnalyzer().then(
    () => logger.info({ ms: Date.now() - started }, 'name analyser ready'),
    (err: unknown) => logger.warn({ err }, 'name analyser did not load; /consult will try again'),
  );
};

main().catch((err: unknown) => {
  process.stderr.write(
    `supporter-desk: failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
