/**
 * Cover requests (代打, migration 0009) and the take-over: the conditional UPDATEs that make two clicks at
 * once have one winner, and the move of the slot, its session and its consultations to the new supporter.
 */
import type { DbOrTrx } from '../database.js';
import type { CoverRequest } from '../schema.js';

export const insertCoverRequest = (
  db: DbOrTrx,
  row: { session_id: number; requested_by: string; created_at: string },
): Promise<CoverRequest> =>
  db
    .insertInto('cover_requests')
    .values({ ...row, updated_at: row.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();

export const getCoverRequest = (db: DbOrTrx, id: number) =>
  db.selectFrom('cover_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** The session's open request, if any. */
export const openCoverOf = (db: DbOrTrx, sessionId: number) =>
  db
    .selectFrom('cover_requests')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** The open requests among these sessions' (for the Home tab), by session id. */
export const openCoversOf = async (db: DbOrTrx, sessionIds: readonly number[]): Promise<Set<number>> =>
  sessionIds.length
    ? new Set(
        (
          await db
            .selectFrom('cover_requests')
            .select('session_id')
            .where('session_id', 'in', [...sessionIds])
            .where('status', '=', 'open')
            .execute()
        ).map((r) => r.session_id),
      )
    : new Set();

export const setCoverPost = (db: DbOrTrx, id: number, channel: string, ts: string) =>
  db.updateTable('cover_requests').set({ channel, ts }).where('id', '=', id).execute();

export const deleteCoverRequest = (db: DbOrTrx, id: number) =>
  db.deleteFrom('cover_requests').where('id', '=', id).execute();

/**
 * open → taken by `userId` or → cancelled, only while it is still open: true for the one caller whose
 * UPDATE changed the row (on PostgreSQL a concurrent one waits for the row lock, then sees it is no longer
 * open; on SQLite write transactions are serialised).
 */
export const closeCoverRequest = async (
  db: DbOrTrx,
  id: number,
  to: { status: 'taken'; takenBy: string } | { status: 'cancelled' },
  nowIso: string,
): Promise<boolean> => {
  const res = await db
    .updateTable('cover_requests')
    .set({ status: to.status, taken_by: to.status === 'taken' ? to.takenBy : null, updated_at: nowIso })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
};

/**
 * Moves a booked slot of `from` to `to`, with its session and the consultations asked about it (so the
 * quota, the briefs, the write-up and the advice thread all follow). False when the slot is no longer
 * `from`'s booked one (unbooked meanwhile).
 */
export const moveSession = async (
  db: DbOrTrx,
  m: { slotId: number; sessionId: number; from: string; to: string; nowIso: string },
): Promise<boolean> => {
  const res = await db
    .updateTable('slots')
    .set({ supporter_id: m.to, updated_at: m.nowIso })
    .where('id', '=', m.slotId)
    .where('supporter_id', '=', m.from)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('sessions')
    .set({ supporter_id: m.to, updated_at: m.nowIso })
    .where('id', '=', m.sessionId)
    .execute();
  await db
    .updateTable('consultations')
    .set({ supporter_id: m.to })
    .where('slot_id', '=', m.slotId)
    .where('supporter_id', '=', m.from)
    .execute();
  return true;
};
