/**
 * retention: consultation topics and questions are purged RETENTION_DAYS after the session — the text is
 * replaced, the rows (and so every count) stay. Sends nothing.
 */
import { purgeExpiredConsultations } from '../usecases/reminders.js';
import type { Job } from './types.js';

export const retention: Job = async (deps, opts) => {
  const purged = await purgeExpiredConsultations(deps, opts.now, !!opts.dryRun);
  if (!opts.dryRun) deps.logger.info({ purged }, 'retention: consultation text purged');
  return { job: 'retention', sent: 0, skipped: purged, failed: 0, planned: [], failures: [] };
};
