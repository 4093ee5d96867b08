import { JOB_NAMES, type JobName } from '../config.js';
import { CliError, type CliIo, MONTH_RE, parseCommandArgs, parseNowOption, withHelp } from './common.js';

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
  if (values.month !== undefined && !MONTH_RE.test(values.month)) {
    throw new CliError(`--month "${values.month}" is not YYYY-MM`);
  }
  const now = parseNowOption(values.now, io);
  throw new CliError(`job ${name as JobName} at ${now.toISOString()}: not available in this version yet`, 1);
});
