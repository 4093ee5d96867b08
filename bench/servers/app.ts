/**
 * The real app in a child process for figures 1 and 5: config from the environment the bench passes
 * (fake Slack URL, temp SQLite file, PORT=0), migrated database, buildApp with the real clock, HTTP
 * receiver. Logs go to stdout, which the bench discards (as cheap as a production log pipe).
 */
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { failToBench, serveBench } from './protocol.js';

const main = async () => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  const built = buildApp({ config, database, logger, clock: () => new Date() });
  const port = await built.start();
  if (port === undefined) throw new Error('the app did not report its HTTP port');
  serveBench(port, async () => {
    await built.stop(2000);
    await database.close();
  });
};

main().catch(failToBench);
