/** Online backup: SQLite's backup API copies a consistent snapshot while the app keeps writing. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, type CliIo, parseCommandArgs, withDatabase, withHelp } from './common.js';

const USAGE = `Usage: supporter-desk backup <FILE> [--force]
  Writes a consistent copy of the SQLite database to FILE while the app may keep running.
  For PostgreSQL use pg_dump instead.`;

export const backupCommand = withHelp(async (args: string[], io: CliIo) => {
  const { positionals, values } = parseCommandArgs(args, { force: { type: 'boolean' } }, USAGE);
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new CliError(`expected one target file\n${USAGE}`);
  const file = resolve(target);
  if (existsSync(file) && !values.force)
    throw new CliError(`${file} already exists (use --force to overwrite)`);
  await withDatabase(io, async (database) => {
    if (database.file && resolve(database.file) === file)
      throw new CliError('the backup file is the database itself');
    await database.sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        io.progress(`backup: ${totalPages - remainingPages}/${totalPages} pages`);
        return 100;
      },
    });
    io.progress('');
    io.err(`backup written to ${file}`);
  });
});
