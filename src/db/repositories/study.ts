/** Study sessions (勉強会) and their RSVPs. Instants are canonical UTC ISO strings, compared as strings. */

import type { RsvpAnswer } from '../../domain/study.js';
import type { DbOrTrx } from '../database.js';
import type { NewStudySession, StudyRsvp, StudySession } from '../schema.js';

export const insertStudySession = (db: DbOrTrx, row: NewStudySession): Promise<StudySession> =>
  db.insertInto('study_sessions').values(row).returningAll().executeTakeFirstOrThrow();

export const getStudySession = (db: DbOrTrx, id: number): Promise<StudySession | undefined> =>
  db.selectFrom('study_sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const deleteStudySession = async (db: DbOrTrx, id: number): Promise<void> => {
  await db.deleteFrom('study_rsvps').where('session_id', '=', id).execute();
  await db.deleteFrom('study_sessions').where('id', '=', id).execute();
};

export const setStudyPosted = async (db: DbOrTrx, id: number, channel: string, ts: string) => {
  await db.updateTable('study_sessions').set({ channel, ts }).where('id', '=', id).execute();
};

/**
 * Takes the session's row lock for the rest of the transaction (a write to it: PostgreSQL locks the row,
 * SQLite the database), so RSVPs of one session are decided one after another. False when it doesn't exist.
 */
export const lockStudySession = async (db: DbOrTrx, id: number, nowIso: string): Promise<boolean> => {
  const res = await db
    .updateTable('study_sessions')
    .set({ updated_at: nowIso })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

/** Scheduled → cancelled; false when it was not scheduled any more (cancelled by someone else first). */
export const cancelStudySession = async (
  db: DbOrTrx,
  id: number,
  by: string,
  nowIso: string,
): Promise<boolean> => {
  const res = await db
    .updateTable('study_sessions')
    .set({ status: 'cancelled', cancelled_at: nowIso, cancelled_by: by, updated_at: nowIso })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

export const rsvpsOf = (db: DbOrTrx, sessionId: number): Promise<StudyRsvp[]> =>
  db
    .selectFrom('study_rsvps')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .orderBy('user_id')
    .execute();

export const rsvpsOfSessions = (db: DbOrTrx, sessionIds: readonly number[]): Promise<StudyRsvp[]> =>
  sessionIds.length
    ? db
        .selectFrom('study_rsvps')
        .selectAll()
        .where('session_id', 'in', [...sessionIds])
        .orderBy('session_id')
        .orderBy('position')
        .orderBy('user_id')
        .execute()
    : Promise.resolve([]);

export type RsvpWrite = {
  session_id: number;
  user_id: string;
  answer: RsvpAnswer;
  waitlisted: number;
  position: number;
};

/** One person's answer: inserted, or replacing their earlier one (the (session, user) key is unique). */
export const upsertRsvp = async (db: DbOrTrx, row: RsvpWrite, nowIso: string): Promise<void> => {
  await db
    .insertInto('study_rsvps')
    .values({ ...row, answered_at: nowIso, updated_at: nowIso })
    .onConflict((oc) =>
      oc.columns(['session_id', 'user_id']).doUpdateSet({
        answer: row.answer,
        waitlisted: row.waitlisted,
        position: row.position,
        answered_at: nowIso,
        updated_at: nowIso,
      }),
    )
    .execute();
};

export const setWaitlisted = async (
  db: DbOrTrx,
  sessionId: number,
  userIds: readonly string[],
  waitlisted: boolean,
  nowIso: string,
): Promise<void> => {
  if (!userIds.length) return;
  await db
    .updateTable('study_rsvps')
    .set({ waitlisted: waitlisted ? 1 : 0, updated_at: nowIso })
    .where('session_id', '=', sessionId)
    .where('user_id', 'in', [...userIds])
    .execute();
};

/** Scheduled sessions that have not ended by `nowIso`, soonest first. */
export const upcomingStudySessions = (db: DbOrTrx, nowIso: string, limit = 50): Promise<StudySession[]> =>
  db
    .selectFrom('study_sessions')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('end_at', '>', nowIso)
    .orderBy('start_at')
    .orderBy('id')
    .limit(limit)
    .execute();

export const countUpcomingStudySessions = async (db: DbOrTrx, nowIso: string): Promise<number> => {
  const row = await db
    .selectFrom('study_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'scheduled')
    .where('start_at', '>', nowIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

/** Scheduled sessions starting in (fromIso, toIso]. */
export const studySessionsStartingBetween = (db: DbOrTrx, fromIso: string, toIso: string) =>
  db
    .selectFrom('study_sessions')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('start_at', '>', fromIso)
    .where('start_at', '<=', toIso)
    .orderBy('start_at')
    .orderBy('id')
    .execute();

/** Scheduled sessions that ended in (fromIso, toIso]. */
export const studySessionsEndedBetween = (db: DbOrTrx, fromIso: string, toIso: string) =>
  db
    .selectFrom('study_sessions')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('end_at', '>', fromIso)
    .where('end_at', '<=', toIso)
    .orderBy('end_at')
    .orderBy('id')
    .execute();

/** Sessions cancelled since `sinceIso` that had not started by `nowIso` (their cancellation notices). */
export const recentlyCancelledStudySessions = (db: DbOrTrx, sinceIso: string, nowIso: string) =>
  db
    .selectFrom('study_sessions')
    .selectAll()
    .where('status', '=', 'cancelled')
    .where('cancelled_at', '>=', sinceIso)
    .where('start_at', '>', nowIso)
    .orderBy('id')
    .execute();

/** Sessions a person hosts or answered 参加 to (with a seat), any status, by start. */
export const studySessionsOfUser = (db: DbOrTrx, userId: string): Promise<StudySession[]> =>
  db
    .selectFrom('study_sessions')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('host_id', '=', userId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('study_rsvps')
            .select('session_id')
            .where('user_id', '=', userId)
            .where('answer', '=', 'going')
            .where('waitlisted', '=', 0),
        ),
      ]),
    )
    .orderBy('start_at')
    .orderBy('id')
    .execute();
