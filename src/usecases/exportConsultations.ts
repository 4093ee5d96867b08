/** The consultations export (CONTRACT.md shape). Never includes topic or question text. */

import { consultationsForExport, replyStats, tagsOfConsultations } from '../db/repositories/consultations.js';
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
  const rows = await consultationsForExport(
    deps.db,
    opts.month ? monthBounds(opts.month, deps.config.timezone) : undefined,
  );
  const ids = rows.map((r) => r.id);
  const [stats, tagRows] = await Promise.all([replyStats(deps.db, ids), tagsOfConsultations(deps.db, ids)]);
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
