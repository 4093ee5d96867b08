/**
 * After the session (migration 0010): outcomes and the strengths write-up on the session record. The
 * write-up columns are client data: read here only for their author (the use cases check), never for
 * exports, and purged by retention.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Outcome } from '../../domain/outcomes.js';
import type { DbOrTrx } from '../database.js';
import type { Database, Session, Slot } from '../schema.js';
import { latestConsultationId, latestConsultationPlan } from './latestConsultation.js';

/**
 * The sessions that owe a write-up: answered `held`, or not answered (no answer counts as held), or a
 * booked slot with no session record at all. For queries that left-join `sessions as se` to `slots`.
 */
export const owesWriteupWhere = (eb: ExpressionBuilder<Database & { se: Database['sessions'] }, 'se'>) =>
  eb.or([eb('se.outcome', 'is', null), eb('se.outcome', '=', 'held')]);

/**
 * The session record of a booked slot, made now if it has none (a slot booked by /consult alone): plan
 * from the consultation asked about it, else the slot's length; no alias or topic (the consultation's
 * topic stays with the consultation). Two callers at once both get the one row (`slot_id` is unique).
 */
export const ensureSessionOfSlot = async (
  db: DbOrTrx,
  slot: Pick<Slot, 'id' | 'supporter_id'>,
  plan: Session['plan'],
  consultationId: number | null,
  nowIso: string,
): Promise<Session> => {
  await db
    .insertInto('sessions')
    .values({
      slot_id: slot.id,
      supporter_id: slot.supporter_id,
      plan,
      source: 'consult',
      consultation_id: consultationId,
      created_at: nowIso,
      updated_at: nowIso,
    })
    .onConflict((oc) => oc.column('slot_id').doNothing())
    .execute();
  return db.selectFrom('sessions').selectAll().where('slot_id', '=', slot.id).executeTakeFirstOrThrow();
};

/** A session with its slot's time and write-up mark, for the use cases after the session. */
export const sessionWithSlot = (db: DbOrTrx) =>
  db
    .selectFrom('sessions as se')
    .innerJoin('slots as s', 's.id', 'se.slot_id')
    .selectAll('se')
    .select(['s.start_at', 's.end_at', 's.minutes', 's.status as slot_status', 's.writeup_done_at']);

export type SessionWithSlot = Awaited<
  ReturnType<ReturnType<typeof sessionWithSlot>['executeTakeFirstOrThrow']>
>;

export const getSessionWithSlot = (db: DbOrTrx, sessionId: number) =>
  sessionWithSlot(db).where('se.id', '=', sessionId).executeTakeFirst();

export const sessionWithSlotOfSlot = (db: DbOrTrx, slotId: number) =>
  sessionWithSlot(db).where('se.slot_id', '=', slotId).executeTakeFirst();

/**
 * Booked slots that ended in (endedAfter, endedBy] and whose session has no outcome yet (or no session
 * record), oldest first, with the latest consultation asked about them.
 */
export const endedSlotsAwaitingOutcome = (db: DbOrTrx, endedAfter: string, endedBy: string) =>
  db
    .selectFrom('slots as s')
    .leftJoin('sessions as se', 'se.slot_id', 's.id')
    .select(['s.id as slot_id', 's.supporter_id', 's.start_at', 's.minutes'])
    .select(['se.id as session_id', 'se.plan', 'se.client_alias', 'se.consultation_id'])
    .select(latestConsultationId)
    .select(latestConsultationPlan)
    .where('s.status', '=', 'booked')
    .where('se.outcome', 'is', null)
    .where('s.end_at', '>', endedAfter)
    .where('s.end_at', '<=', endedBy)
    .orderBy('s.end_at')
    .orderBy('s.id')
    .execute();

export const setSessionOutcome = async (
  db: DbOrTrx,
  sessionId: number,
  outcome: Outcome,
  nowIso: string,
): Promise<boolean> => {
  const res = await db
    .updateTable('sessions')
    .set({ outcome, outcome_at: nowIso, updated_at: nowIso })
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '!=', outcome)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

/** Saves the builder's fields; finishing also stores the formatted text. Only the author's row changes. */
export const saveWriteup = async (
  db: DbOrTrx,
  sessionId: number,
  supporterId: string,
  fields: { draft: string; text?: string },
  nowIso: string,
): Promise<void> => {
  await db
    .updateTable('sessions')
    .set({
      writeup_draft: fields.draft,
      updated_at: nowIso,
      ...(fields.text === undefined ? {} : { writeup_text: fields.text, writeup_finished_at: nowIso }),
    })
    .where('id', '=', sessionId)
    .where('supporter_id', '=', supporterId)
    .execute();
};

/**
 * The last write-up the same supporter wrote for the same client alias before `beforeUtc` (a follow-up's
 * "what changed since the last next step"): its fields and its session's start.
 */
export const previousWriteup = (db: DbOrTrx, supporterId: string, alias: string, beforeUtc: string) =>
  db
    .selectFrom('sessions as se')
    .innerJoin('slots as s', 's.id', 'se.slot_id')
    .select(['se.id', 'se.writeup_draft', 's.start_at', 's.minutes'])
    .where('se.supporter_id', '=', supporterId)
    .where('se.client_alias', '=', alias)
    .where('se.writeup_draft', 'is not', null)
    .where('s.start_at', '<', beforeUtc)
    .orderBy('s.start_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** A supporter's ended, booked slots with no session record yet (so /writeup can list every one). */
export const endedSlotsWithoutSession = (db: DbOrTrx, supporterId: string, endedBy: string) =>
  db
    .selectFrom('slots as s')
    .leftJoin('sessions as se', 'se.slot_id', 's.id')
    .select(['s.id', 's.supporter_id', 's.minutes'])
    .select(latestConsultationPlan)
    .where('s.supporter_id', '=', supporterId)
    .where('s.status', '=', 'booked')
    .where('s.end_at', '<=', endedBy)
    .where('se.id', 'is', null)
    .execute();

/** A supporter's sessions that ended by `endedBy`, still owe a write-up and have not been sent, oldest first. */
export const pendingWriteupSessions = (db: DbOrTrx, supporterId: string, endedBy: string, limit = 50) =>
  sessionWithSlot(db)
    .where('se.supporter_id', '=', supporterId)
    .where('s.status', '=', 'booked')
    .where('s.end_at', '<=', endedBy)
    .where('s.writeup_done_at', 'is', null)
    .where(owesWriteupWhere)
    .orderBy('s.end_at')
    .limit(limit)
    .execute();

/** No-shows among sessions starting in [startUtc, endUtc) (the digest's count for the month). */
export const countNoShows = async (db: DbOrTrx, startUtc: string, endUtc: string): Promise<number> => {
  const row = await db
    .selectFrom('sessions as se')
    .innerJoin('slots as s', 's.id', 'se.slot_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('se.outcome', '=', 'no_show')
    .where('s.status', '=', 'booked')
    .where('s.start_at', '>=', startUtc)
    .where('s.start_at', '<', endUtc)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

/**
 * Sessions of booked slots, in start order, optionally starting in [startUtc, endUtc), for the export —
 * never the write-up text or draft, nor the topic.
 */
export const sessionsForExport = (db: DbOrTrx, range?: { startUtc: string; endUtc: string }) => {
  let q = db
    .selectFrom('sessions as se')
    .innerJoin('slots as s', 's.id', 'se.slot_id')
    .select([
      'se.id',
      'se.slot_id',
      'se.supporter_id',
      'se.plan',
      'se.client_alias',
      'se.outcome',
      'se.consultation_id',
      's.start_at',
      's.end_at',
      's.minutes',
      's.status',
      's.writeup_done_at',
    ])
    .where('s.status', '=', 'booked');
  if (range) q = q.where('s.start_at', '>=', range.startUtc).where('s.start_at', '<', range.endUtc);
  return q.orderBy('s.start_at').orderBy('se.id').execute();
};

const slotsStartedBefore = (db: DbOrTrx, beforeUtc: string) =>
  db.selectFrom('slots').select('id').where('start_at', '<', beforeUtc);

/** Retention's dry run: how many sessions that started before `beforeUtc` still hold write-up text. */
export const countWriteupTextBefore = async (db: DbOrTrx, beforeUtc: string): Promise<number> => {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', 'in', slotsStartedBefore(db, beforeUtc))
    .where((eb) => eb.or([eb('writeup_draft', 'is not', null), eb('writeup_text', 'is not', null)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
};

/** Retention: the write-up text and draft of sessions that started before `beforeUtc` are removed. */
export const purgeWriteupText = async (db: DbOrTrx, beforeUtc: string, nowIso: string): Promise<number> => {
  const ids = slotsStartedBefore(db, beforeUtc);
  const res = await db
    .updateTable('sessions')
    .set({ writeup_draft: null, writeup_text: null, updated_at: nowIso })
    .where('slot_id', 'in', ids)
    .where((eb) => eb.or([eb('writeup_draft', 'is not', null), eb('writeup_text', 'is not', null)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
};
