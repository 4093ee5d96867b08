/** The consultations export (CONTRACT.md shape). Never includes topic or question text. */

import { replyStats } from '../db/repositories/consultations.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds } from '../domain/calendar.js';
import { writeupState } from '../domain/writeup.js';
import { localIso } from './exports.js';

export type ConsultationExportRow = {
  id: number;
  supporter: string;
  session_start: string;
  plan: string;
  tags: string[];
  channel: string | null;
  ts: string | null;
  replies: number;
  responders: string[];
  status: string;
  writeup: string;
};

export const exportConsultations = async (
  deps: UseCaseDeps,
  opts: { now: Date; month?: string },
): Promise<ConsultationExportRow[]> => {
  let q = deps.db
    .selectFrom('consultations as c')
    .leftJoin('slots as s', 's.id', 'c.slot_id')
    .select([
      'c.id',
      'c.supporter_id',
      'c.session_start',
      'c.plan',
      'c.channel',
      'c.ts',
      'c.status',
      's.end_at',
      's.writeup_done_at',
      's.status as slot_status',
    ]);
  if (opts.month) {
    const { startUtc, endUtc } = monthBounds(opts.month, deps.config.timezone);
    q = q.where('c.session_start', '>=', startUtc).where('c.session_start', '<', endUtc);
  }
  const rows = await q.orderBy('c.session_start').orderBy('c.id').execute();
  const ids = rows.map((r) => r.id);
  const [stats, tagRows] = await Promise.all([
    replyStats(deps.db, ids),
    ids.length
      ? deps.db
          .selectFrom('consultation_tags')
          .select(['consultation_id', 'tag'])
          .where('consultation_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    supporter: r.supporter_id,
    session_start: localIso(r.session_start, deps.config.timezone),
    plan: r.plan,
    tags: tagRows.filter((t) => t.consultation_id === r.id).map((t) => t.tag),
    channel: r.channel,
    ts: r.ts,
    replies: stats.get(r.id)?.replies ?? 0,
    responders: stats.get(r.id)?.responders ?? [],
    status: r.status,
    writeup: r.end_at
      ? writeupState(
          { end_at: r.end_at, writeup_done_at: r.writeup_done_at, status: r.slot_status ?? 'booked' },
          opts.now,
          deps.config.writeupDueHours,
        )
      : 'none',
  }));
};
