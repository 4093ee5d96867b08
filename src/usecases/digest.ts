/**
 * The data of the operator digest: capacity, who is below quota, unanswered consultations, overdue write-ups
 * and how many study sessions (勉強会) are coming up.
 */
import { DateTime } from 'luxon';
import { unansweredConsultations } from '../db/repositories/consultations.js';
import { escalatedSince, firstAnswers } from '../db/repositories/nudges.js';
import { countPendingWriteups, pendingWriteups } from '../db/repositories/slots.js';
import { type BelowQuota, monthSummary } from '../db/repositories/standings.js';
import { countUpcomingStudySessions } from '../db/repositories/study.js';
import { countNoShows } from '../db/repositories/writeups.js';
import type { Consultation, Slot } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds, toUtcIso } from '../domain/calendar.js';
import { ANSWER_SPEED_DAYS, medianFirstAnswerMinutes } from '../domain/nudges.js';

export type DigestData = {
  month: string;
  offered: number;
  needed: number;
  active: number;
  quota: number;
  /** The supporters below quota with the fewest slots (at most DIGEST_BELOW_LISTED) and how many in all. */
  below: BelowQuota[];
  belowCount: number;
  excused: number;
  unanswered: Consultation[];
  /** The oldest overdue write-ups (at most DIGEST_LISTED) and how many there are in all. */
  overdue: Slot[];
  overdueCount: number;
  /** Scheduled study sessions that have not started yet. */
  studyUpcoming?: number;
  /** Sessions of the month whose client did not come (they still count as offered slots). */
  noShows?: number;
  /** Median minutes from posting to the first answer, over the last ANSWER_SPEED_DAYS (undefined: none answered). */
  medianFirstAnswerMinutes?: number | undefined;
  /** Consultations that reached the ladder's stage 3 (operators told) in the last ANSWER_SPEED_DAYS. */
  escalated?: Consultation[];
};

/** Items of a list the digest names one by one; the rest are a count. */
export const DIGEST_LISTED = 10;
/** Supporters below quota are named up to this many (one line of mentions). */
export const DIGEST_BELOW_LISTED = 60;

export const digestData = async (deps: UseCaseDeps, month: string, now: Date): Promise<DigestData> => {
  const { db, config } = deps;
  const nowIso = toUtcIso(now);
  const overdueBefore = toUtcIso(DateTime.fromJSDate(now).minus({ hours: config.writeupDueHours }));
  // Overdue = still pending once the due hours have passed since the session ended.
  const window = { month, ...monthBounds(month, config.timezone), defaultQuota: config.monthlySlotQuota };
  // Totals and the named few are computed in the database: at 10,000 supporters, sending every row to
  // Node cost as much as the counting itself (bench figure 2).
  const since = toUtcIso(DateTime.fromJSDate(now).minus({ days: ANSWER_SPEED_DAYS }));
  const [{ totals, below }, unanswered, overdue, overdueCount, studyUpcoming, noShows, answers, escalated] =
    await Promise.all([
      monthSummary(db, window, DIGEST_BELOW_LISTED),
      unansweredConsultations(db, nowIso),
      pendingWriteups(db, undefined, overdueBefore, DIGEST_LISTED),
      countPendingWriteups(db, overdueBefore),
      countUpcomingStudySessions(db, nowIso),
      countNoShows(db, window.startUtc, window.endUtc),
      firstAnswers(db, since),
      escalatedSince(db, since),
    ]);
  return {
    month,
    offered: totals.offered,
    needed: totals.needed,
    active: totals.active,
    quota: totals.quota,
    below,
    belowCount: totals.below,
    excused: totals.roster - totals.active,
    unanswered,
    overdue,
    overdueCount,
    studyUpcoming,
    noShows,
    medianFirstAnswerMinutes: medianFirstAnswerMinutes(answers),
    escalated,
  };
};
