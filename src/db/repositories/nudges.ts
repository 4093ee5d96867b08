/** The queries of advice nudges (see domain/nudges.ts for who is nudged and when). */
import type { DbOrTrx } from '../database.js';
import type { Consultation } from '../schema.js';
import { unansweredQuery } from './consultations.js';

/** Unanswered consultations not nudged yet, posted by `postedBefore` or with a session by `sessionBefore`. */
export const consultationsDueForNudge = (
  db: DbOrTrx,
  nowIso: string,
  window: { postedBefore: string; sessionBefore: string },
): Promise<Consultation[]> =>
  unansweredQuery(db, nowIso)
    .where('nudged_at', 'is', null)
    .where((eb) =>
      eb.or([eb('created_at', '<=', window.postedBefore), eb('session_start', '<=', window.sessionBefore)]),
    )
    .execute();

/** The people a consultation's nudge went (or goes) to, as recorded before sending. */
export const nudgedUsers = async (db: DbOrTrx, consultationId: number): Promise<string[]> =>
  (
    await db.selectFrom('nudges').select('user_id').where('consultation_id', '=', consultationId).execute()
  ).map((r) => r.user_id);

export const recordNudges = async (
  db: DbOrTrx,
  consultationId: number,
  userIds: readonly string[],
  nowIso: string,
): Promise<void> => {
  await db
    .insertInto('nudges')
    .values(userIds.map((user_id) => ({ consultation_id: consultationId, user_id, nudged_at: nowIso })))
    .onConflict((oc) => oc.columns(['consultation_id', 'user_id']).doNothing())
    .execute();
};

/** Tag, away and load data for choosing who to nudge about the consultation of `askerId` in `month`. */
export const expertCandidates = async (
  db: DbOrTrx,
  askerId: string,
  month: string,
  loadSince: string,
): Promise<{
  expertise: Array<{ supporter_id: string; tag: string }>;
  away: Set<string>;
  load: Map<string, number>;
}> => {
  const [expertise, away, load] = await Promise.all([
    db
      .selectFrom('supporter_expertise as e')
      .innerJoin('supporters as s', 's.id', 'e.supporter_id')
      .select(['e.supporter_id', 'e.tag'])
      .where('s.left_at', 'is', null)
      .where('s.id', '!=', askerId)
      .execute(),
    db
      .selectFrom('supporter_months')
      .select('supporter_id')
      .where('month', '=', month)
      .where('away', '=', 1)
      .execute(),
    db
      .selectFrom('nudges')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('nudged_at', '>=', loadSince)
      .groupBy('user_id')
      .execute(),
  ]);
  return {
    expertise,
    away: new Set(away.map((a) => a.supporter_id)),
    load: new Map(load.map((l) => [l.user_id, Number(l.n)])),
  };
};

/** True while one of the consultation's nudge messages waits for a retry (pending or being sent). */
export const nudgeDeliveryWaiting = async (db: DbOrTrx, consultationId: number): Promise<boolean> =>
  !!(await db
    .selectFrom('deliveries')
    .select('key')
    .where('key', 'like', `nudge:${consultationId}:%`)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst());

export const markNudged = async (db: DbOrTrx, consultationId: number, nowIso: string): Promise<void> => {
  await db.updateTable('consultations').set({ nudged_at: nowIso }).where('id', '=', consultationId).execute();
};
