/**
 * The data of the operator digest: capacity, who is below quota, unanswered consultations, overdue write-ups
 * and how many study sessions (勉強会) are coming up.
 */
import { DateTime } from 'luxon';
import { unansweredConsultations } from '../db/repositories/consultations.js';
import { countPendingWriteups, pendingWriteups } from '../db/repositories/slots.js';
import { countUpcomingStudySessions } from '../db/repositories/study.js';
import type { Consultation, Slot } from '../db/schema.js';
import { toUtcIso } from '../domain/calendar.js';
import { isBelowQuota } from '../domain/quota.js';
import type { UseCaseDeps } from './deps.js';
import { rosterStandings, type SupporterStanding } from './standing.js';

export type DigestData = {
  month: string;
  offered: number;
  needed: number;
  active: number;
  quota: number;
  below: SupporterStanding[];
  excused: number;
  unanswered: Consultation[];
  /** The oldest overdue write-ups (at most DIGEST_LISTED) and how many there are in all. */
  overdue: Slot[];
  overdueCount: number;
  /** Scheduled study sessions that have not started yet. */
  studyUpcoming?: number;
};

/** Items of a list the digest names one by one; the rest are a count. */
export const DIGEST_LISTED = 10;

export const digestData = async (deps: UseCaseDeps, month: string, now: Date): Promise<DigestData> => {
  const { db, config } = deps;
  const nowIso = toUtcIso(now);
  const overdueBefore = toUtcIso(DateTime.fromJSDate(now).minus({ hours: config.writeupDueHours }));
  // Overdue = still pending once the due hours have passed since the session ended.
  const [standings, unanswered, overdue, overdueCount, studyUpcoming] = await Promise.all([
    rosterStandings(db, config, month),
    unansweredConsultations(db, nowIso).execute(),
    pendingWriteups(db, undefined, overdueBefore, DIGEST_LISTED),
    countPendingWriteups(db, overdueBefore),
    countUpcomingStudySessions(db, nowIso),
  ]);
  const counted = standings.filter((s) => !s.away && !s.exempt);
  return {
    month,
    offered: standings.reduce((n, s) => n + s.count, 0),
    needed: counted.reduce((n, s) => n + s.quota, 0),
    active: counted.length,
    quota: standings[0]?.quota ?? config.monthlySlotQuota,
    below: standings
      .filter(isBelowQuota)
      .sort((a, b) => a.count - b.count || a.supporterId.localeCompare(b.supporterId)),
    excused: standings.length - counted.length,
    unanswered,
    overdue,
    overdueCount,
    studyUpcoming,
  };
};
