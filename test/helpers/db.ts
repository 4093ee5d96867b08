/** A migrated database in a temp file, for db-level tests of use cases and repositories. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type TestDb = { database: DatabaseHandle; config: Config; file: string; cleanup: () => Promise<void> };

export const openTestDb = async (env: Record<string, string> = {}): Promise<TestDb> => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-db-'));
  const file = join(dir, 'test.sqlite');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'secret',
    ADVICE_CHANNEL_ID: 'CADVICE',
    DATABASE_URL: `sqlite:${file}`,
    ...env,
  });
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  return {
    database,
    config,
    file,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
