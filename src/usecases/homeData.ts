/** Everything the App Home shows a supporter, as plain data (the Block Kit lives in slack/blocks/home.ts). */

import { replyStats } from '../db/repositories/consultations.js';
import { openCoversOf } from '../db/repositories/cover.js';
import { bookedSlotsStartingBetween } from '../db/repositories/sessions.js';
import { upcomingSessions } from '../db/repositories/slots.js';
import { getSupporter } from '../db/repositories/supporters.js';
import { sessionsBriefed } from '../db/repositories/week.js';
import type { Slot } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { addMonths, monthOf, toUtcIso } from '../domain/calendar.js';
import type { Plan } from '../domain/plans.js';
import { busyState } from './busyTimes.js';
import { calendarUrlOf } from './calendarFeed.js';
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
  /** 今週のセッション: the booked sessions of the next WEEK_DAYS with how ready each is. */
  week?: WeekSession[];
  /** The supporter's calendar-feed link, once they made one (and PUBLIC_BASE_URL is set). */
  calendarUrl?: string;
  /** The main-job busy calendar's host (`calendar.google.com/…`), when one is set; never the whole URL. */
  busyHint?: string;
};

export type WeekSession = {
  sessionId: number;
  slotId: number;
  startUtc: string;
  minutes: number;
  plan: Plan;
  /** A pre-session brief was sent. */
  briefed: boolean;
  /** The consultation asked about it and its answers so far (none asked: undefined). */
  consultation: { id: number; replies: number } | undefined;
  /** A cover (代打) request is open. */
  coverOpen: boolean;
};

export const WEEK_DAYS = 7;

/** The supporter's sessions starting in the next WEEK_DAYS, with their prep state. */
export const weekSessions = async (deps: UseCaseDeps, userId: string, now: Date): Promise<WeekSession[]> => {
  const booked = await bookedSlotsStartingBetween(
    deps.db,
    toUtcIso(now),
    toUtcIso(new Date(now.getTime() + WEEK_DAYS * 86_400_000)),
    { supporterId: userId },
  );
  // A slot booked by /consult alone has no session record: nothing to prepare for in the week list.
  const rows = booked.flatMap(({ session_id, plan, ...r }) =>
    session_id === null || plan === null ? [] : [{ ...r, session_id, plan }],
  );
  const ids = rows.map((r) => r.session_id);
  const consultationOf = (r: (typeof rows)[number]) => {
    const id = r.consultation_id ?? r.latest_consultation_id;
    return id === null || id === undefined ? undefined : Number(id);
  };
  const [briefed, covers, stats] = await Promise.all([
    sessionsBriefed(deps.db, ids),
    openCoversOf(deps.db, ids),
    replyStats(
      deps.db,
      rows.flatMap((r) => consultationOf(r) ?? []),
    ),
  ]);
  return rows.map((r) => {
    const c = consultationOf(r);
    return {
      sessionId: r.session_id,
      slotId: r.slot_id,
      startUtc: r.start_at,
      minutes: r.minutes,
      plan: r.plan,
      briefed: briefed.has(r.session_id),
      consultation: c === undefined ? undefined : { id: c, replies: stats.get(c)?.replies ?? 0 },
      coverOpen: covers.has(r.session_id),
    };
  });
};

export const HOME_STUDY_LISTED = 5;

export const homeData = async (deps: UseCaseDeps, userId: string, now: Date): Promise<HomeData> => {
  const { db, config } = deps;
  const month = monthOf(now, config.timezone);
  const nextMonth = addMonths(month, 1);
  const nowIso = toUtcIso(now);
  const [supporter, thisStanding, nextStanding, upcoming, pending, study, week, calendarUrl, busy] =
    await Promise.all([
      getSupporter(db, userId),
      standingOf(db, config, userId, month),
      standingOf(db, config, userId, nextMonth),
      upcomingSessions(db, userId, nowIso, 10),
      pendingWriteupsOf(deps, userId, now),
      upcomingStudyFor(db, userId, now, HOME_STUDY_LISTED),
      weekSessions(deps, userId, now),
      calendarUrlOf(deps, userId),
      busyState(deps, userId),
    ]);
  return {
    member: !!supporter && !supporter.left_at,
    standings: [thisStanding, nextStanding],
    upcoming,
    pending,
    nextMonth,
    study: study.map((s) => ({ ...s, hosting: s.session.host_id === userId })),
    week,
    ...(calendarUrl ? { calendarUrl } : {}),
    ...(busy.set ? { busyHint: busy.hint } : {}),
  };
};
