/**
 * retention: consultation topics and questions are purged RETENTION_DAYS after the session — the text is
 * replaced, the rows (and so every count) stay. Sends nothing.
 */
import { DateTime } from 'luxon';
import { toUtcIso } from '../domain/calendar.js';
import type { Job } from './types.js';

export const PURGED_TEXT = '[purged]';

export const retention: Job = async (deps, opts) => {
  const before = toUtcIso(DateTime.fromJSDate(opts.now).minus({ days: deps.config.retentionDays }));
  const due = deps.db
    .selectFrom('consultations')
    .select('id')
    .where('session_start', '<=', before)
    .where('purged_at', 'is', null);
  if (opts.dryRun) {
    const rows = await due.execute();
    return { job: 'retention', sent: 0, skipped: rows.length, failed: 0, planned: [], failures: [] };
  }
  const res = await deps.db
    .updateTable('consultations')
    .set({ topic: '', question: PURGED_TEXT, purged_at: toUtcIso(opts.now) })
    .where('session_start', '<=', before)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  deps.logger.info({ purged: Number(res.numUpdatedRows) }, 'retention: consultation text purged');
  return {
    job: 'retention',
    sent: 0,
    skipped: Number(res.numUpdatedRows),
    failed: 0,
    planned: [],
    failures: [],
  };
};
