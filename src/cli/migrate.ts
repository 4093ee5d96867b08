import { loadDatabaseUrl } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type CliIo, parseCommandArgs, withHelp } from './common.js';

const USAGE =
  'Usage: supporter-desk migrate\n  Applies every pending migration in db/migrations to DATABASE_URL.';

export const migrateCommand = withHelp(async (args: string[], io: CliIo) => {
  parseCommandArgs(args, {}, USAGE);
  const database = openDatabase(loadDatabaseUrl(io.env));
  try {
    const { applied } = await migrateToLatest(database.db);
    io.err(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
});
