/**
 * retention: consultation topics and questions are purged RETENTION_DAYS after the session — the text is
 * replaced, the rows (and so every count) stay; so are sessions' write-up drafts and text. Sends nothing.
 */
import { purgeExpiredConsultations } from '../usecases/reminders.js';
import { purgeExpiredWriteups } from '../usecases/writeupBuilder.js';
import type { Job } from './types.js';

export const retention: Job = async (deps, opts) => {
  const purged = await purgeExpiredConsultations(deps, opts.now, !!opts.dryRun);
  if (!opts.dryRun) deps.logger.info({ purged }, 'retention: consultation text purged');
  // Write-up drafts and text (issue #19) go with the session's other text.
  const writeups = await purgeExpiredWriteups(deps, opts.now, !!opts.dryRun);
  if (!opts.dryRun) deps.logger.info({ purged: writeups }, 'retention: write-up text purged');
  return { job: 'retention', sent: 0, skipped: purged + writeups, failed: 0, planned: [], failures: [] };
};
