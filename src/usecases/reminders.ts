/**
 * What the reminder jobs remind people of: supporters below quota (with the weekly patterns they tend to
 * offer), write-ups still pending a day after the session, study sessions coming up, ended or cancelled
 * (consultation text past its retention: usecases/erasure.ts).
 */
import { DateTime } from 'luxon';
import { slotStartsBetween, writeupsPendingBetween } from '../db/repositories/slots.js';
import {
  recentlyCancelledStudySessions,
  rsvpsOfSessions,
  studySessionsEndedBetween,
  studySessionsStartingBetween,
} from '../db/repositories/study.js';
import type { StudyRsvp, StudySession } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { addMonths, monthBounds, toUtcIso } from '../domain/calendar.js';
import { isBelowQuota } from '../domain/quota.js';
import { DAY_REMINDER_HOURS, FOLLOWUP_LOOKBACK_DAYS } from '../domain/study.js';
import { rosterStandings, type SupporterStanding } from './standing.js';

export const WRITEUP_REMINDER_AFTER_HOURS = 24;
export const WRITEUP_REMINDER_LOOKBACK_DAYS = 30;

export type QuotaReminderData = {
  /** Roster supporters below quota for the month (not away, not exempt). */
  below: SupporterStanding[];
  /** Their slot starts from three months before the month to its end, for pattern suggestions. */
  history: Map<string, string[]>;
};

export const quotaReminderData = async (deps: UseCaseDeps, month: string): Promise<QuotaReminderData> => {
  const below = (await rosterStandings(deps.db, deps.config, month)).filter(isBelowQuota);
  return {
    below,
    history: await recentStarts(
      deps,
      below.map((s) => s.supporterId),
      month,
    ),
  };
};

const recentStarts = async (
  deps: UseCaseDeps,
  ids: string[],
  month: string,
): Promise<Map<string, string[]>> => {
  const map = new Map<string, string[]>();
  if (!ids.length) return map;
  const from = monthBounds(addMonths(month, -3), deps.config.timezone).startUtc;
  const to = monthBounds(month, deps.config.timezone).endUtc;
  for (const r of await slotStartsBetween(deps.db, ids, from, to)) {
    map.set(r.supporter_id, [...(map.get(r.supporter_id) ?? []), r.start_at]);
  }
  return map;
};

/**
 * Sessions whose write-up is still pending WRITEUP_REMINDER_AFTER_HOURS after they ended (only those
 * that ended within the last WRITEUP_REMINDER_LOOKBACK_DAYS, so a first deployment doesn't flood people).
 */
export const writeupsToRemind = (deps: UseCaseDeps, now: Date) => {
  const at = DateTime.fromJSDate(now);
  return writeupsPendingBetween(
    deps.db,
    toUtcIso(at.minus({ days: WRITEUP_REMINDER_LOOKBACK_DAYS })),
    toUtcIso(at.minus({ hours: WRITEUP_REMINDER_AFTER_HOURS })),
  );
};

export type StudyReminderData = {
  /** Scheduled sessions starting within DAY_REMINDER_HOURS. */
  soon: StudySession[];
  /** Sessions that ended within the last FOLLOWUP_LOOKBACK_DAYS. */
  ended: StudySession[];
  /** Sessions cancelled within the last FOLLOWUP_LOOKBACK_DAYS that have not started. */
  cancelled: StudySession[];
  /** The answers to the `soon` and `cancelled` sessions. */
  rsvps: StudyRsvp[];
};

export const studyReminderData = async (deps: UseCaseDeps, now: Date): Promise<StudyReminderData> => {
  const at = DateTime.fromJSDate(now);
  const nowIso = toUtcIso(at);
  const since = toUtcIso(at.minus({ days: FOLLOWUP_LOOKBACK_DAYS }));
  const [soon, ended, cancelled] = await Promise.all([
    studySessionsStartingBetween(deps.db, nowIso, toUtcIso(at.plus({ hours: DAY_REMINDER_HOURS }))),
    studySessionsEndedBetween(deps.db, since, nowIso),
    recentlyCancelledStudySessions(deps.db, since, nowIso),
  ]);
  const rsvps = await rsvpsOfSessions(
    deps.db,
    [...soon, ...cancelled].map((s) => s.id),
  );
  return { soon, ended, cancelled, rsvps };
};
