/**
 * `supporter-desk erase --consultation <id> | --session <id> | --supporter U… [--dry-run]`: a deletion
 * request. The client's text leaves the database, the bot's Slack messages that carried it are rewritten
 * to a "deleted on request" notice, and the erasure is logged (`supporter-desk audit`). Idempotent. A dry
 * run prints what would change — counts, and which messages as `{key, channel, ts}` JSON lines — and no
 * client text.
 */
import { loadConfig } from '../config.js';
import { createJobClient } from '../delivery/client.js';
import { DeliveryStoppedError } from '../delivery/deliver.js';
import { createLogger } from '../logger.js';
import { eraseOnRequest } from '../slack/erasurePosting.js';
import type { EraseTarget } from '../usecases/erasure.js';
import { CliError, type CliIo, parseCommandArgs, withDatabase, withHelp } from './common.js';
import { lineSink } from './job.js';

const USAGE = `Usage: supporter-desk erase (--consultation <id> | --session <id> | --supporter U…) [--dry-run]
  --consultation  a consultation's topic and question, and its advice post and nudge DMs
  --session       a booking's alias and topic, its booking DM and briefs, and the consultations about it
  --supporter     everything above for every consultation and booking of that supporter
  --dry-run       print what would change (counts and which messages); change nothing`;

const ID_RE = /^\d{1,9}$/;
const USER_RE = /^[UW][A-Z0-9]+$/;

const parseTarget = (values: {
  consultation?: string;
  session?: string;
  supporter?: string;
}): EraseTarget => {
  const given = [values.consultation, values.session, values.supporter].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new CliError(`exactly one of --consultation, --session or --supporter\n${USAGE}`);
  if (values.consultation !== undefined) {
    if (!ID_RE.test(values.consultation))
      throw new CliError(`--consultation "${values.consultation}" is not a consultation id`);
    return { consultation: Number(values.consultation) };
  }
  if (values.session !== undefined) {
    if (!ID_RE.test(values.session)) throw new CliError(`--session "${values.session}" is not a session id`);
    return { session: Number(values.session) };
  }
  if (!USER_RE.test(values.supporter!))
    throw new CliError(`--supporter "${values.supporter}" is not a Slack user id (U…)`);
  return { supporter: values.supporter! };
};

export const eraseCommand = withHelp(async (args: string[], io: CliIo) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      consultation: { type: 'string' },
      session: { type: 'string' },
      supporter: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    USAGE,
  );
  if (positionals.length) throw new CliError(`unexpected "${positionals[0]}"\n${USAGE}`);
  const target = parseTarget(values);
  const dryRun = values['dry-run'] === true;
  const config = loadConfig(io.env);
  const logger = createLogger(io.env.LOG_LEVEL ? config.logLevel : 'error', lineSink(io.err));
  const now = io.now();
  const outcome = await withDatabase(io, async ({ db }) => {
    const deps = { config, db, logger, slack: createJobClient(config) };
    try {
      return await eraseOnRequest(deps, target, {
        actor: 'cli',
        now,
        dryRun,
        onProgress: ({ done, total }) => io.progress(`erase: ${done}/${total} messages rewritten`),
      });
    } catch (err) {
      io.progress('');
      if (err instanceof DeliveryStoppedError)
        throw new CliError(
          `erase: the text is gone from the database, but rewriting Slack stopped (${err.message}); run it again`,
          1,
        );
      throw err;
    }
  });
  io.progress('');
  const { targets, messages, report } = outcome;
  if (!targets.consultations.length && !targets.sessions.length)
    throw new CliError('nothing matched: no such consultation, session or supporter data', 1);
  const counts = `${targets.consultations.length} consultation(s), ${targets.sessions.length} session(s)`;
  if (dryRun) {
    for (const m of messages) io.out(JSON.stringify(m));
    io.err(`erase (dry run): would erase ${counts} and rewrite ${report.planned.length} message(s)`);
    return;
  }
  io.err(
    `erase: erased ${counts}; messages rewritten ${report.sent}, skipped ${report.skipped}, failed ${report.failed}`,
  );
  for (const f of report.failures) io.err(`  ${f.key} → ${f.recipient}: ${f.error}`);
});
