/**
 * `supporter-desk job <name> [--now ISO] [--month YYYY-MM] [--dry-run]`: runs a registered job once, as a
 * CLI run whose occurrence is `--now`. Progress on a TTY; always one summary line on stderr; a dry run
 * prints each planned message as a JSON line on stdout and sends nothing. Non-zero exit when the job
 * failed, is running elsewhere, or some messages could not be sent.
 *
 * A dry run sends nothing, so it needs no Slack credentials: without SLACK_BOT_TOKEN it runs on the
 * database alone (what it would otherwise look up in Slack, such as a permalink, is left out of the
 * preview); with a token it may still read from Slack (permalinks), never post.
 */

import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { createBusyCalendar } from '../calendar/busyCalendar.js';
import { JOB_NAMES, type JobName, loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { createJobClient } from '../delivery/client.js';
import { DeliveryStoppedError } from '../delivery/deliver.js';
import { setupFixText } from '../delivery/setupProblems.js';
import type { JobDeps } from '../deps.js';
import { JOBS, JobSkippedError, runNamedJob } from '../jobs/registry.js';
import type { JobReport } from '../jobs/types.js';
import { createLogger } from '../logger.js';
import {
  CliError,
  type CliIo,
  MONTH_RE,
  parseCommandArgs,
  parseNowOption,
  withDatabase,
  withHelp,
} from './common.js';

const USAGE = `Usage: supporter-desk job <name> [--now ISO] [--month YYYY-MM] [--dry-run]
  Jobs: ${JOB_NAMES.join(', ')}
  --now      the instant the job runs "at" (default: now); the same --now never sends twice
  --month    the target month (quota-reminders, operator-digest)
  --dry-run  print what would be sent; send and record nothing`;

export const jobCommand = withHelp(async (args: string[], io: CliIo) => {
  const { positionals, values } = parseCommandArgs(
    args,
    { now: { type: 'string' }, month: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    USAGE,
  );
  const name = positionals[0];
  if (!name || !(JOB_NAMES as readonly string[]).includes(name)) {
    throw new CliError(`unknown job "${name ?? ''}" (one of ${JOB_NAMES.join(', ')})`);
  }
  const jobName = name as JobName;
  if (values.month !== undefined && !MONTH_RE.test(values.month)) {
    throw new CliError(`--month "${values.month}" is not YYYY-MM`);
  }
  const now = parseNowOption(values.now, io);
  if (!JOBS[jobName]) throw new CliError(`job "${jobName}" is not available in this version yet`, 1);
  const dryRun = values['dry-run'] === true;
  const config = loadConfig(io.env, { slackCredentials: !dryRun });
  // Errors only (unless LOG_LEVEL asks for more): the summary and failure lines say the rest.
  const logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : 'error', lineSink(io.err));

  const slack = config.slack.botToken ? createJobClient(config) : offlineClient();
  // A dry run reads no busy calendars (it only lists who would get what).
  const busy = dryRun ? undefined : createBusyCalendar();
  const deps = (db: Db): JobDeps => ({ config, db, logger, slack, ...(busy ? { busy } : {}) });
  // SIGTERM/SIGINT: finish the message in hand, stop, report; the next run sends the rest.
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  let report: JobReport;
  try {
    report = await withDatabase(io, (database) =>
      runNamedJob(deps(database.db), jobName, {
        now,
        trigger: 'cli',
        ...(values.month ? { month: values.month } : {}),
        dryRun,
        onProgress: ({ done, total }) => io.progress(`${jobName}: ${done}/${total}`),
        signal: interrupt.signal,
      }),
    );
  } catch (err) {
    io.progress('');
    if (err instanceof DeliveryStoppedError) io.err(summary(jobName, err.report));
    if (err instanceof JobSkippedError) throw new CliError(err.message, 1);
    throw new CliError(`${jobName} failed: ${err instanceof Error ? err.message : String(err)}`, 1);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  io.progress('');
  if (dryRun) {
    for (const { key, recipient, text } of report.planned) io.out(JSON.stringify({ key, recipient, text }));
    io.err(`${jobName} (dry run): would send ${report.planned.length}, skipped ${report.skipped}`);
    return;
  }
  io.err(summary(jobName, report));
  for (const f of report.failures) {
    const fix = setupFixText(f.error, f.recipient);
    io.err(`  ${f.key} → ${f.recipient}: ${f.error}${fix ? ` — ${fix}` : ''}`);
  }
  if (report.failed > 0) throw new CliError(`${jobName}: ${report.failed} message(s) not delivered`, 1);
});

/** A client for a dry run without a token: every call fails here, before anything leaves the machine. */
const offlineClient = (): WebClient =>
  new WebClient(undefined, {
    retryConfig: { retries: 0 },
    fetch: () => Promise.reject(new Error('dry run without SLACK_BOT_TOKEN: Slack is not called')),
  });

const summary = (name: JobName, r: Omit<JobReport, 'job'>) =>
  `${name}: sent ${r.sent}, skipped ${r.skipped}, failed ${r.failed}`;

/** A pino destination writing one log line at a time through the CLI's stderr. */
export const lineSink = (write: (line: string) => void) =>
  new Writable({
    write(chunk, _encoding, done) {
      write(String(chunk).trimEnd());
      done();
    },
  });
