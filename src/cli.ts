/**
 * `supporter-desk` — the operator CLI: migrate | job | export | import | erase | audit | backup | doctor.
 * Exit 0 on success; on failure one line on stderr and a non-zero exit. Data goes to stdout, and
 * nothing else does (logs and progress go to stderr), so `export … > file.json` is clean.
 */
import { existsSync } from 'node:fs';
import { auditCommand } from './cli/audit.js';
import { backupCommand } from './cli/backup.js';
import { CliError, type CliIo, nodeIo } from './cli/common.js';
import { doctorCommand } from './cli/doctor.js';
import { eraseCommand } from './cli/erase.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { jobCommand } from './cli/job.js';
import { migrateCommand } from './cli/migrate.js';
import { JOB_NAMES } from './config.js';

const USAGE = `Usage: supporter-desk <command> [options]

Commands:
  migrate                         bring the database schema up to date
  job <name> [--now ISO] [--month YYYY-MM] [--dry-run]
                                  run a job once (${JOB_NAMES.join(', ')})
  export <slots|consultations|supporters|sessions> [--month YYYY-MM] [--format json|csv] [--out FILE]
                                  print or write an export (JSON: a bare array on stdout)
  export ics --user U… | --study <id> [--out FILE]
                                  a calendar file of someone's sessions and study sessions
  import bookings FILE.csv [--dry-run]
                                  book sessions from a CSV (supporter,start,client_alias,plan,topic)
  erase --consultation <id> | --session <id> | --supporter U… [--dry-run]
                                  delete a client's text from the database and the bot's Slack messages
  audit [--since ISO] [--format json|csv]
                                  the log of exports, erasures, backups and operator actions
  backup <FILE>                   online backup of the SQLite database into FILE
  doctor                          check configuration, database and the Slack token

Run \`supporter-desk <command> --help\` for a command's options.
Settings come from the environment (and .env in the current directory); see .env.example.`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<void>> = {
  migrate: migrateCommand,
  job: jobCommand,
  export: exportCommand,
  import: importCommand,
  backup: backupCommand,
  erase: eraseCommand,
  audit: auditCommand,
  doctor: doctorCommand,
};

export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new CliError(`unknown command "${command}" (try --help)`);
    await run(rest, io);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`supporter-desk ${command}: ${message.split('\n')[0]}`);
    return err instanceof CliError ? err.exitCode : 1;
  }
};

const isMain = process.argv[1] && /(cli\.ts|supporter-desk(\.js)?)$/.test(process.argv[1]);
if (isMain) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  runCli(process.argv.slice(2), nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
