/**
 * The sessions export (CONTRACT.md "Second wave → Sessions"): one row per booked session —
 * `{id, slot_id, supporter, start, minutes, plan, client_alias, outcome, consultation_id, writeup}`.
 * Never the topic nor any write-up text (client data); `outcome` is `booked` until the session has ended
 * with no answer, which then counts as `held`.
 */
import { sessionsForExport } from '../db/repositories/writeups.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds } from '../domain/calendar.js';
import { type OutcomeState, outcomeState } from '../domain/outcomes.js';
import { type WriteupState, writeupState } from '../domain/writeup.js';
import { localIso } from './exports.js';

export type SessionExportRow = {
  id: number;
  slot_id: number;
  supporter: string;
  start: string;
  minutes: number;
  plan: string;
  client_alias: string;
  outcome: OutcomeState;
  consultation_id: number | null;
  writeup: WriteupState;
};

export const exportSessions = async (
  deps: UseCaseDeps,
  opts: { now: Date; month?: string },
): Promise<SessionExportRow[]> => {
  const rows = await sessionsForExport(
    deps.db,
    opts.month ? monthBounds(opts.month, deps.config.timezone) : undefined,
  );
  return rows.map((r) => ({
    id: r.id,
    slot_id: r.slot_id,
    supporter: r.supporter_id,
    start: localIso(r.start_at, deps.config.timezone),
    minutes: r.minutes,
    plan: r.plan,
    client_alias: r.client_alias,
    outcome: outcomeState(r, opts.now),
    consultation_id: r.consultation_id,
    writeup: writeupState(r, opts.now, deps.config.writeupDueHours),
  }));
};
