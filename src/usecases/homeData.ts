/** Everything the App Home shows a supporter, as plain data (the Block Kit lives in slack/blocks/home.ts). */
import { upcomingSessions } from '../db/repositories/slots.js';
import { getSupporter } from '../db/repositories/supporters.js';
import type { Slot } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { addMonths, monthOf, toUtcIso } from '../domain/calendar.js';
import { type SupporterStanding, standingOf } from './standing.js';
import { type UpcomingStudy, upcomingStudyFor } from './study.js';
import { type PendingWriteup, pendingWriteupsOf } from './writeupBuilder.js';

export type HomeData = {
  member: boolean;
  standings: SupporterStanding[];
  upcoming: Slot[];
  /** Ended sessions owing a write-up not sent yet (drafts marked). */
  pending: PendingWriteup[];
  nextMonth: string;
  /** Upcoming study sessions (勉強会) with the supporter's own answer. */
  study?: Array<UpcomingStudy & { hosting: boolean }>;
};

export const HOME_STUDY_LISTED = 5;

export const homeData = async (deps: UseCaseDeps, userId: string, now: Date): Promise<HomeData> => {
  const { db, config } = deps;
  const month = monthOf(now, config.timezone);
  const nextMonth = addMonths(month, 1);
  const nowIso = toUtcIso(now);
  const [supporter, thisStanding, nextStanding, upcoming, pending, study] = await Promise.all([
    getSupporter(db, userId),
    standingOf(db, config, userId, month),
    standingOf(db, config, userId, nextMonth),
    upcomingSessions(db, userId, nowIso, 10),
    pendingWriteupsOf(deps, userId, now),
    upcomingStudyFor(db, userId, now, HOME_STUDY_LISTED),
  ]);
  return {
    member: !!supporter && !supporter.left_at,
    standings: [thisStanding, nextStanding],
    upcoming,
    pending,
    nextMonth,
    study: study.map((s) => ({ ...s, hosting: s.session.host_id === userId })),
  };
};
