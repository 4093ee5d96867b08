/** What every CLI command shares: its I/O (injectable for tests), errors with exit codes, arg parsing. */
import { parseArgs } from 'node:util';
import { loadDatabaseUrl } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A progress line that rewrites itself on a TTY; silent when stderr is not a terminal. */
  progress: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
};

export const nodeIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  },
  env: process.env,
  now: () => new Date(),
});

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs with our errors: unknown options and missing values become one-line CliErrors. */
export const parseCommandArgs = <T extends OptionSpec>(args: string[], options: T, usage: string) => {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(usage);
  try {
    return parseArgs({ args, options: { ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
};

/** Thrown by --help; commands print the usage and succeed. */
export class HelpRequested extends Error {}

export const withHelp =
  (run: (args: string[], io: CliIo) => Promise<void>) =>
  async (args: string[], io: CliIo): Promise<void> => {
    try {
      await run(args, io);
    } catch (err) {
      if (err instanceof HelpRequested) {
        io.out(err.message);
        return;
      }
      throw err;
    }
  };

/** Opens (and migrates) the database named by DATABASE_URL for a CLI command, closing it afterwards. */
export const withDatabase = async <T>(
  io: CliIo,
  fn: (database: DatabaseHandle) => Promise<T>,
): Promise<T> => {
  const database = openDatabase(loadDatabaseUrl(io.env));
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
};

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const parseNowOption = (value: string | undefined, io: CliIo): Date => {
  if (value === undefined) return io.now();
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new CliError(`--now "${value}" is not an ISO date-time (e.g. 2026-12-01T10:00:00+09:00)`);
  return d;
};
