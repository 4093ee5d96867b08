/**
 * Online backup: SQLite's backup API copies a consistent snapshot while the app keeps writing.
 * PostgreSQL has its own tool for that (pg_dump); this command says so and does nothing there.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDatabaseUrl } from '../config.js';
import { isPostgresUrl, parsePostgresUrl, redactDatabaseUrl, serverUrlOf } from '../db/database.js';
import { recordAudit } from '../usecases/audit.js';
import { CliError, type CliIo, parseCommandArgs, withDatabase, withHelp } from './common.js';

const USAGE = `Usage: supporter-desk backup <FILE> [--force]
  Writes a consistent copy of the SQLite database to FILE while the app may keep running.
  For PostgreSQL use pg_dump instead (pg_dump -Fc [-n SCHEMA] -f FILE URL; drop ?schema= from the URL).`;

/** The one-line refusal on PostgreSQL, with the pg_dump command for this DATABASE_URL (password masked). */
export const postgresBackupMessage = (url: string): string => {
  const { schema } = parsePostgresUrl(url);
  const dump = `pg_dump -Fc${schema ? ` -n ${schema}` : ''} -f backup.dump '${redactDatabaseUrl(serverUrlOf(url))}'`;
  return `backup copies SQLite files only; DATABASE_URL is PostgreSQL: use pg_dump instead, e.g. ${dump}`;
};

export const backupCommand = withHelp(async (args: string[], io: CliIo) => {
  const { positionals, values } = parseCommandArgs(args, { force: { type: 'boolean' } }, USAGE);
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new CliError(`expected one target file\n${USAGE}`);
  const url = loadDatabaseUrl(io.env);
  if (isPostgresUrl(url)) throw new CliError(postgresBackupMessage(url));
  const file = resolve(target);
  if (existsSync(file) && !values.force)
    throw new CliError(`${file} already exists (use --force to overwrite)`);
  await withDatabase(io, async (database) => {
    if (database.dialect !== 'sqlite') throw new CliError(postgresBackupMessage(url));
    if (database.file && resolve(database.file) === file)
      throw new CliError('the backup file is the database itself');
    await database.sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        io.progress(`backup: ${totalPages - remainingPages}/${totalPages} pages`);
        return 100;
      },
    });
    io.progress('');
    await recordAudit(database, { actor: 'cli', action: 'backup', target: file }, io.now());
    io.err(`backup written to ${file}`);
  });
});
