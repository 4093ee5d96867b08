/**
 * Study sessions (勉強会): creating one (stored first, posted by slack/studyPosting.ts, undone when the post
 * fails), cancelling (host or operator, checked against the database), and the lists shown by `/study list`
 * and the App Home.
 */
import type { DbOrTrx } from '../db/database.js';
import {
  cancelStudySession,
  deleteStudySession,
  getStudySession,
  insertStudySession,
  rsvpsOf,
  rsvpsOfSessions,
  setStudyPosted,
  upcomingStudySessions,
} from '../db/repositories/study.js';
import type { StudyRsvp, StudySession } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import {
  assertCapacity,
  assertMinutes,
  assertTitle,
  countRsvps,
  MAX_STUDY_DESCRIPTION,
  neutralizeBroadcasts,
  type RsvpCounts,
} from '../domain/study.js';

/** The stored session, as listeners and posts see it. */
export type { StudySession };

export type StudyDraft = {
  createdBy: string;
  hostId: string;
  title: string;
  description: string;
  tags: string[];
  startUtc: string;
  minutes: number;
  capacity: number | undefined;
};

/** Validates and stores a study session (not yet posted). */
export const createStudySession = async (
  deps: UseCaseDeps,
  draft: StudyDraft,
  now: Date,
): Promise<StudySession> => {
  const title = neutralizeBroadcasts(draft.title).trim();
  assertTitle(title);
  assertMinutes(draft.minutes);
  if (draft.capacity !== undefined) assertCapacity(draft.capacity);
  const description = neutralizeBroadcasts(draft.description).trim();
  if ([...description].length > MAX_STUDY_DESCRIPTION) {
    throw new DomainError('study_description_too_long', { max: MAX_STUDY_DESCRIPTION }, 'description');
  }
  if (!/^[UW][A-Z0-9]+$/.test(draft.hostId)) throw new DomainError('study_host_invalid', {}, 'host');
  const nowIso = toUtcIso(now);
  if (draft.startUtc <= nowIso) {
    // Shown in the reader's language and the one date format (i18n/when.ts).
    const at = { start: draft.startUtc, zone: deps.config.timezone, now: nowIso };
    throw new DomainError('study_in_past', at, 'date');
  }
  const end = toUtcIso(new Date(Date.parse(draft.startUtc) + draft.minutes * 60_000));
  return insertStudySession(deps.db, {
    host_id: draft.hostId,
    title,
    description,
    tags: JSON.stringify(draft.tags),
    start_at: draft.startUtc,
    end_at: end,
    minutes: draft.minutes,
    capacity: draft.capacity ?? null,
    status: 'scheduled',
    channel: null,
    ts: null,
    created_by: draft.createdBy,
    created_at: nowIso,
    updated_at: nowIso,
    cancelled_at: null,
    cancelled_by: null,
  });
};

export const undoStudySession = (deps: UseCaseDeps, id: number) => deleteStudySession(deps.db, id);

export const markStudyPosted = (deps: UseCaseDeps, id: number, channel: string, ts: string) =>
  setStudyPosted(deps.db, id, channel, ts);

export const isOperator = (deps: UseCaseDeps, userId: string): boolean =>
  deps.config.operatorUserIds.includes(userId);

/** The session, for its host or an operator (checked against the stored host, never a button's value). */
export const assertMayManage = async (
  deps: UseCaseDeps,
  db: DbOrTrx,
  userId: string,
  id: number,
): Promise<StudySession> => {
  const session = await getStudySession(db, id);
  if (!session) throw new DomainError('study_not_found', { id });
  if (session.host_id !== userId && !isOperator(deps, userId)) {
    throw new DomainError('study_not_host', { id });
  }
  return session;
};

export type CancelResult = {
  session: StudySession;
  /** False when it was already cancelled: nobody is told again. */
  changed: boolean;
  /**
   * Who is told: everyone who had answered 参加 (seat or waiting list) and the host, not the canceller —
   * nobody when the session had already started.
   */
  notify: string[];
};

export const cancelStudy = async (
  deps: UseCaseDeps,
  input: { userId: string; id: number; now: Date },
): Promise<CancelResult> => {
  const nowIso = toUtcIso(input.now);
  return writeTransaction(deps.db, async (trx) => {
    const session = await assertMayManage(deps, trx, input.userId, input.id);
    const changed = await cancelStudySession(trx, input.id, input.userId, nowIso);
    const rsvps = await rsvpsOf(trx, input.id);
    const cancelled: StudySession = changed
      ? { ...session, status: 'cancelled', cancelled_at: nowIso, cancelled_by: input.userId }
      : session;
    // Nobody is told about a session that has already started (an operator tidying up the list).
    const upcoming = session.start_at > nowIso;
    return { session: cancelled, changed, notify: upcoming ? cancellationRecipients(cancelled, rsvps) : [] };
  });
};

/** Everyone who had answered 参加 (seat or waiting list) and the host — except whoever cancelled it. */
export const cancellationRecipients = (
  session: Pick<StudySession, 'host_id' | 'cancelled_by'>,
  rsvps: readonly StudyRsvp[],
): string[] => {
  const going = rsvps.filter((r) => r.answer === 'going').map((r) => r.user_id);
  return [...new Set([session.host_id, ...going])].filter((id) => id !== session.cancelled_by);
};

/** What a post, a list line or a Home line shows of a session. */
export type StudyView = {
  session: StudySession;
  rsvps: StudyRsvp[];
  counts: RsvpCounts;
};

export const studyView = async (db: DbOrTrx, id: number): Promise<StudyView | undefined> => {
  const session = await getStudySession(db, id);
  if (!session) return undefined;
  const rsvps = await rsvpsOf(db, id);
  return { session, rsvps, counts: countRsvps(rsvps.map(toRsvpFlags)) };
};

const toRsvpFlags = (r: StudyRsvp) => ({ answer: r.answer, waitlisted: r.waitlisted === 1 });

/** A person's standing for a session: `going`, `waitlisted`, `maybe`, `not_going` or `none`. */
export type MyAnswer = 'going' | 'waitlisted' | 'maybe' | 'not_going' | 'none';

export const answerOf = (rsvps: readonly StudyRsvp[], userId: string): MyAnswer => {
  const mine = rsvps.find((r) => r.user_id === userId);
  if (!mine) return 'none';
  if (mine.answer === 'going' && mine.waitlisted === 1) return 'waitlisted';
  return mine.answer;
};

export type UpcomingStudy = StudyView & { mine: MyAnswer };

/** Scheduled sessions that have not ended, soonest first, with counts and `userId`'s answer. */
export const upcomingStudyFor = async (
  db: DbOrTrx,
  userId: string,
  now: Date,
  limit: number,
): Promise<UpcomingStudy[]> => {
  const sessions = await upcomingStudySessions(db, toUtcIso(now), limit);
  const rsvps = await rsvpsOfSessions(
    db,
    sessions.map((s) => s.id),
  );
  return sessions.map((session) => {
    const own = rsvps.filter((r) => r.session_id === session.id);
    return {
      session,
      rsvps: own,
      counts: countRsvps(own.map(toRsvpFlags)),
      mine: answerOf(own, userId),
    };
  });
};
