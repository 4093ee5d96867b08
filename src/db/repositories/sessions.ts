/** Sessions (a booked slot's record: client alias, plan, topic, linked consultation). */
import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../database.js';
import type { Session, SessionsTable } from '../schema.js';
import { latestConsultationId } from './latestConsultation.js';

export const insertSession = (db: DbOrTrx, row: Insertable<SessionsTable>): Promise<Session> =>
  db.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();

export const getSession = (db: DbOrTrx, id: number) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const sessionOfSlot = (db: DbOrTrx, slotId: number) =>
  db.selectFrom('sessions').selectAll().where('slot_id', '=', slotId).executeTakeFirst();

/** Links the slot's session (if any, and not linked yet) to a consultation about it. */
export const linkSessionConsultation = async (
  db: DbOrTrx,
  slotId: number,
  consultationId: number,
  now: string,
): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({ consultation_id: consultationId, updated_at: now })
    .where('slot_id', '=', slotId)
    .where('consultation_id', 'is', null)
    .execute();
};

/**
 * Booked slots starting in (fromUtc, toUtc], soonest first, with their session record (when they have
 * one: a slot booked by /consult alone has none) and the latest consultation asked about them — everyone's
 * (the session-briefs job) or one supporter's (the App Home's 今週のセッション).
 */
export const bookedSlotsStartingBetween = (
  db: DbOrTrx,
  fromUtc: string,
  toUtc: string,
  only: { supporterId?: string } = {},
) =>
  db
    .selectFrom('slots as s')
    .leftJoin('sessions as se', 'se.slot_id', 's.id')
    .select([
      's.id as slot_id',
      's.supporter_id',
      's.start_at',
      's.minutes',
      'se.id as session_id',
      'se.client_alias',
      'se.plan',
      'se.topic',
      'se.consultation_id',
    ])
    .select(latestConsultationId)
    .where('s.status', '=', 'booked')
    .$if(only.supporterId !== undefined, (q) => q.where('s.supporter_id', '=', only.supporterId!))
    .where('s.start_at', '>', fromUtc)
    .where('s.start_at', '<=', toUtc)
    .orderBy('s.start_at')
    .orderBy('s.id')
    .execute();

/** The supporter's slot (not removed) starting exactly at `startUtc`. */
export const slotStartingAt = (db: DbOrTrx, supporterId: string, startUtc: string) =>
  db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', supporterId)
    .where('start_at', '=', startUtc)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();

export const deleteSessionsOfSlots = async (db: DbOrTrx, slotIds: readonly number[]): Promise<void> => {
  if (slotIds.length)
    await db
      .deleteFrom('sessions')
      .where('slot_id', 'in', [...slotIds])
      .execute();
};

/** Sessions recorded since `createdSince` whose booked slot starts after `fromUtc`, with their slot. */
export const recentUpcomingSessions = async (db: DbOrTrx, createdSince: string, fromUtc: string) => {
  const rows = await db
    .selectFrom('sessions as se')
    .innerJoin('slots as s', 's.id', 'se.slot_id')
    .selectAll('se')
    .select([
      's.start_at',
      's.end_at',
      's.minutes',
      's.status',
      's.writeup_done_at',
      's.updated_at as slot_updated_at',
    ])
    .select('s.created_at as slot_created_at')
    .where('s.status', '=', 'booked')
    .where('se.created_at', '>=', createdSince)
    .where('s.start_at', '>', fromUtc)
    .orderBy('se.id')
    .execute();
  return rows.map(
    ({
      start_at,
      end_at,
      minutes,
      status,
      writeup_done_at,
      slot_updated_at,
      slot_created_at,
      ...session
    }) => ({
      session,
      slot: {
        id: session.slot_id,
        supporter_id: session.supporter_id,
        start_at,
        end_at,
        minutes,
        status,
        writeup_done_at,
        created_at: slot_created_at,
        updated_at: slot_updated_at,
      },
    }),
  );
};
