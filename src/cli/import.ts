/**
 * `supporter-desk import bookings FILE.csv [--dry-run]`: books every row (header
 * `supporter,start,client_alias,plan,topic`) in one transaction — all rows or none; an error names the
 * line. Then each supporter gets the booking DM (through the delivery, once per session). `--dry-run`
 * checks every row and stores and sends nothing. Progress on a TTY; a summary line on stdout.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { createJobClient } from '../delivery/client.js';
import type { JobDeps } from '../deps.js';
import { errorText } from '../i18n/index.js';
import { createLogger } from '../logger.js';
import { sendBookingDms } from '../slack/bookingPosting.js';
import { ImportRowError, importBookings } from '../usecases/importBookings.js';
import { CliError, type CliIo, parseCommandArgs, withDatabase, withHelp } from './common.js';
import { lineSink } from './job.js';

const USAGE = `Usage: supporter-desk import bookings FILE.csv [--dry-run]
  FILE.csv   header: supporter,start,client_alias,plan,topic
             supporter  a Slack user id (U…); start  ISO-8601 (2026-12-03T19:00:00+09:00; no offset: APP_TIMEZONE)
             plan       light|first|followup (ライト|初回|継続) or empty (from the slot's length)
             Each row books the supporter's open slot starting then. All rows are booked, or none.
  --dry-run  check every row; store and send nothing`;

export const importCommand = withHelp(async (args: string[], io: CliIo) => {
  const { positionals, values } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } }, USAGE);
  const [what, file] = positionals;
  if (what !== 'bookings') throw new CliError(`unknown import "${what ?? ''}" (only: bookings)\n${USAGE}`);
  if (!file) throw new CliError(`missing FILE.csv\n${USAGE}`);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const dryRun = values['dry-run'] === true;
  const config = loadConfig(io.env);
  const logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : 'error', lineSink(io.err));
  const now = io.now();
  await withDatabase(io, async (database) => {
    const deps: JobDeps = { config, db: database.db, logger, slack: createJobClient(config) };
    let result: Awaited<ReturnType<typeof importBookings>>;
    try {
      result = await importBookings(deps, csv, now, {
        dryRun,
        onProgress: (done, total) => io.progress(`import bookings: ${done}/${total}`),
      });
    } catch (err) {
      io.progress('');
      if (err instanceof ImportRowError)
        throw new CliError(
          `${file} line ${err.line}: ${errorText('en', err.reason.code, err.reason.params)} — nothing imported`,
          1,
        );
      throw err;
    }
    io.progress('');
    if (dryRun) {
      io.out(`dry run: ${result.rows} booking(s) would be imported; nothing stored or sent`);
      return;
    }
    const report = await sendBookingDms(deps, result.booked, now, undefined, ({ done, total }) =>
      io.progress(`booking DMs: ${done}/${total}`),
    );
    io.progress('');
    io.out(
      `imported ${result.booked.length} booking(s); booking DMs sent ${report?.sent ?? 0}, failed ${report?.failed ?? 0}`,
    );
    if (report && report.failed > 0)
      io.err('some booking DMs could not be sent; the session-briefs job sends them on its next run');
  });
});
