/** Slots and sessions (a session is a booked slot). Instants are canonical UTC ISO strings. */
import { sql } from 'kysely';
import type { SlotStatus } from '../../domain/slots.js';
import type { DbOrTrx } from '../database.js';
import type { NewSlot, Slot } from '../schema.js';
import { owesWriteupWhere } from './writeups.js';

/** The statuses that count as offered toward the quota. */
export const OFFERED: SlotStatus[] = ['open', 'booked'];

export const insertSlots = async (db: DbOrTrx, rows: NewSlot[]): Promise<Slot[]> => {
  if (!rows.length) return [];
  return db.insertInto('slots').values(rows).returningAll().execute();
};

/** The supporter's offered slots that share any time with [startUtc, endUtc). */
/** Deletes a slot outright (undoing a session a failed /consult had just created). */
export const deleteSlot = async (db: DbOrTrx, id: number): Promise<void> => {
  await db.deleteFrom('slots').where('id', '=', id).execute();
};

export const findOverlapping = (db: DbOrTrx, supporterId: string, startUtc: string, endUtc: string) =>
  db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', supporterId)
    .where('status', 'in', OFFERED)
    .where('start_at', '<', endUtc)
    .where('end_at', '>', startUtc)
    .orderBy('start_at')
    .execute();

/** The supporter's slots starting in [startUtc, endUtc), cancelled ones excluded. */
export const listSlotsBetween = (db: DbOrTrx, supporterId: string, startUtc: string, endUtc: string) =>
  db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', supporterId)
    .where('status', 'in', OFFERED)
    .where('start_at', '>=', startUtc)
    .where('start_at', '<', endUtc)
    .orderBy('start_at')
    .execute();

export const getSlots = (db: DbOrTrx, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('slots')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** Moves slots from one status to another; returns how many changed (0 when someone changed them first). */
/** Changes a slot's length (a consultation's plan sets its session's length). */
export const setSlotLength = async (
  db: DbOrTrx,
  id: number,
  minutes: number,
  endUtc: string,
  now: string,
) => {
  await db
    .updateTable('slots')
    .set({ minutes, end_at: endUtc, updated_at: now })
    .where('id', '=', id)
    .execute();
};

export const setSlotStatus = async (
  db: DbOrTrx,
  ids: readonly number[],
  from: SlotStatus,
  to: SlotStatus,
  now: string,
): Promise<number> => {
  const res = await db
    .updateTable('slots')
    .set({ status: to, updated_at: now })
    .where('id', 'in', [...ids])
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
};

/**
 * Offered-slot counts per supporter for slots starting in [startUtc, endUtc) — for everyone, or only for
 * `onlyIds` (one supporter's standing must not count the whole roster).
 */
export const offeredCounts = async (
  db: DbOrTrx,
  startUtc: string,
  endUtc: string,
  onlyIds?: readonly string[],
): Promise<Map<string, number>> => {
  let q = db
    .selectFrom('slots')
    .select(['supporter_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', OFFERED)
    .where('start_at', '>=', startUtc)
    .where('start_at', '<', endUtc);
  if (onlyIds)
    q = onlyIds.length ? q.where('supporter_id', 'in', [...onlyIds]) : q.where(sql<boolean>`1 = 0`);
  const rows = await q.groupBy('supporter_id').execute();
  return new Map(rows.map((r) => [r.supporter_id, Number(r.n)]));
};

/** Start instants of the given supporters' open and booked slots starting in [startUtc, endUtc). */
export const slotStartsBetween = (db: DbOrTrx, ids: readonly string[], startUtc: string, endUtc: string) =>
  db
    .selectFrom('slots')
    .select(['supporter_id', 'start_at'])
    .where('supporter_id', 'in', [...ids])
    .where('status', 'in', ['open', 'booked'])
    .where('start_at', '>=', startUtc)
    .where('start_at', '<', endUtc)
    .execute();

/**
 * Booked sessions that owe a write-up (held, or no answer) still pending, that ended in (endedAfter, endedBy], oldest first,
 * with the consultation held in them (if any).
 */
export const writeupsPendingBetween = (db: DbOrTrx, endedAfter: string, endedBy: string) =>
  db
    .selectFrom('slots as s')
    .leftJoin('consultations as c', 'c.slot_id', 's.id')
    .leftJoin('sessions as se', 'se.slot_id', 's.id')
    .select(['s.id', 's.supporter_id', 's.start_at', 's.minutes', 'c.id as consultation_id'])
    .select('se.id as session_id')
    .where('s.status', '=', 'booked')
    .where('s.writeup_done_at', 'is', null)
    .where(owesWriteupWhere)
    .where('s.end_at', '<=', endedBy)
    .where('s.end_at', '>', endedAfter)
    .orderBy('s.end_at')
    .execute();

/** Booked sessions from `fromUtc` on, soonest first. */
export const upcomingSessions = (db: DbOrTrx, supporterId: string, fromUtc: string, limit = 10) =>
  db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', supporterId)
    .where('status', '=', 'booked')
    .where('end_at', '>', fromUtc)
    .orderBy('start_at')
    .limit(limit)
    .execute();

/** Sessions that have ended, owe a write-up (not a no-show or cancelled) and are not marked done. */
const pendingWriteupsQuery = (db: DbOrTrx, supporterId: string | undefined, endedBy: string) => {
  const q = db
    .selectFrom('slots')
    .leftJoin('sessions as se', 'se.slot_id', 'slots.id')
    .where('slots.status', '=', 'booked')
    .where('slots.end_at', '<=', endedBy)
    .where('slots.writeup_done_at', 'is', null)
    .where(owesWriteupWhere);
  return supporterId ? q.where('slots.supporter_id', '=', supporterId) : q;
};

/** Booked sessions that ended by `endedBy` with no write-up yet, oldest first (at most `limit`). */
export const pendingWriteups = (
  db: DbOrTrx,
  supporterId: string | undefined,
  endedBy: string,
  limit?: number,
) => {
  const q = pendingWriteupsQuery(db, supporterId, endedBy).selectAll('slots').orderBy('slots.end_at');
  return (limit === undefined ? q : q.limit(limit)).execute();
};

export const countPendingWriteups = async (db: DbOrTrx, endedBy: string): Promise<number> => {
  const row = await pendingWriteupsQuery(db, undefined, endedBy)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

export const markWriteupDone = async (db: DbOrTrx, slotId: number, now: string): Promise<boolean> => {
  const res = await db
    .updateTable('slots')
    .set({ writeup_done_at: now, updated_at: now })
    .where('id', '=', slotId)
    .where('writeup_done_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

/** Slots not removed, in start order, optionally only those starting in [startUtc, endUtc) (exports). */
export const slotsForExport = (db: DbOrTrx, range?: { startUtc: string; endUtc: string }) => {
  let q = db
    .selectFrom('slots')
    .select(['id', 'supporter_id', 'start_at', 'minutes', 'status'])
    .where('status', '!=', 'cancelled');
  if (range) q = q.where('start_at', '>=', range.startUtc).where('start_at', '<', range.endUtc);
  return q.orderBy('start_at').orderBy('id').execute();
};

/** A supporter's booked sessions, in start order, with the plan of the consultation held in each (if any). */
export const bookedSessionsWithPlan = (db: DbOrTrx, supporterId: string) =>
  db
    .selectFrom('slots as s')
    .leftJoin('consultations as c', 'c.slot_id', 's.id')
    .selectAll('s')
    .select('c.plan as plan')
    .where('s.supporter_id', '=', supporterId)
    .where('s.status', '=', 'booked')
    .orderBy('s.start_at')
    .orderBy('s.id')
    .execute();
