/** The queries of advice nudges (see domain/nudges.ts for who is nudged and when). */
import type { DbOrTrx } from '../database.js';
import type { Consultation } from '../schema.js';
import { unansweredQuery } from './consultations.js';

/**
 * Unanswered consultations that can be due a step of the ladder: posted by `postedBefore`, and either not
 * through stage 1 yet or with a session by `sessionBefore` (stages 2 and 3).
 */
export const consultationsDueForNudge = (
  db: DbOrTrx,
  nowIso: string,
  window: { postedBefore: string; sessionBefore: string },
): Promise<Consultation[]> =>
  unansweredQuery(db, nowIso)
    .where('created_at', '<=', window.postedBefore)
    .where((eb) => eb.or([eb('nudged_at', 'is', null), eb('session_start', '<=', window.sessionBefore)]))
    .execute();

/** The people a consultation's stage (1 or 2) went (or goes) to, as recorded before sending. */
export const nudgedUsers = async (db: DbOrTrx, consultationId: number, stage?: number): Promise<string[]> => {
  let q = db.selectFrom('nudges').select('user_id').where('consultation_id', '=', consultationId);
  if (stage !== undefined) q = q.where('stage', '=', stage);
  return (await q.orderBy('user_id').execute()).map((r) => r.user_id);
};

export const recordNudges = async (
  db: DbOrTrx,
  consultationId: number,
  userIds: readonly string[],
  nowIso: string,
  stage = 1,
): Promise<void> => {
  if (!userIds.length) return;
  await db
    .insertInto('nudges')
    .values(
      userIds.map((user_id) => ({ consultation_id: consultationId, user_id, nudged_at: nowIso, stage })),
    )
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
    awayIn(db, month),
    db
      .selectFrom('nudges')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('nudged_at', '>=', loadSince)
      .groupBy('user_id')
      .execute(),
  ]);
  return {
    expertise,
    away,
    load: new Map(load.map((l) => [l.user_id, Number(l.n)])),
  };
};

const awayIn = async (db: DbOrTrx, month: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .selectFrom('supporter_months')
        .select('supporter_id')
        .where('month', '=', month)
        .where('away', '=', 1)
        .execute()
    ).map((a) => a.supporter_id),
  );

/** Everyone on the roster but the asker, with their expertise, who is away, and when each was last nudged. */
export const mentionCandidates = async (
  db: DbOrTrx,
  askerId: string,
  month: string,
): Promise<{
  supporters: Array<{ id: string; tags: string[] }>;
  away: Set<string>;
  lastNudged: Map<string, string>;
}> => {
  const [roster, expertise, away, last] = await Promise.all([
    db
      .selectFrom('supporters')
      .select('id')
      .where('left_at', 'is', null)
      .where('id', '!=', askerId)
      .orderBy('id')
      .execute(),
    db.selectFrom('supporter_expertise').select(['supporter_id', 'tag']).execute(),
    awayIn(db, month),
    db
      .selectFrom('nudges')
      .select(['user_id', (eb) => eb.fn.max('nudged_at').as('at')])
      .groupBy('user_id')
      .execute(),
  ]);
  const tags = new Map<string, string[]>();
  for (const e of expertise) tags.set(e.supporter_id, [...(tags.get(e.supporter_id) ?? []), e.tag]);
  return {
    supporters: roster.map((r) => ({ id: r.id, tags: tags.get(r.id) ?? [] })),
    away,
    lastNudged: new Map(last.map((l) => [l.user_id, String(l.at)])),
  };
};

/** Stage 1's keys are `nudge:<id>:<user>` / `nudge:<id>:#bump` (as before the ladder); later stages' `nudge:<id>:stage<n>…`. */
export const laterStageKeyPrefix = (consultationId: number, stage: number) =>
  `nudge:${consultationId}:stage${stage}`;

/** True while one of the consultation's stage-1 messages waits for a retry (pending or being sent). */
export const nudgeDeliveryWaiting = async (db: DbOrTrx, consultationId: number): Promise<boolean> =>
  !!(await db
    .selectFrom('deliveries')
    .select('key')
    .where('key', 'like', `nudge:${consultationId}:%`)
    .where('key', 'not like', `nudge:${consultationId}:stage%`)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst());

/**
 * Stage 2 or 3 has fired once the ledger holds its messages and none waits for a retry (sent, or failed
 * for good): a failed send is final, like every delivery's.
 */
export const laterStageFired = async (
  db: DbOrTrx,
  consultationId: number,
  stage: number,
): Promise<boolean> => {
  const rows = await db
    .selectFrom('deliveries')
    .select('status')
    .where('key', 'like', `${laterStageKeyPrefix(consultationId, stage)}%`)
    .execute();
  return rows.length > 0 && rows.every((r) => r.status === 'sent' || r.status === 'failed');
};

export const markNudged = async (db: DbOrTrx, consultationId: number, nowIso: string): Promise<void> => {
  await db.updateTable('consultations').set({ nudged_at: nowIso }).where('id', '=', consultationId).execute();
};

/** Consultations posted since `sinceIso` that someone answered: when posted, when first answered. */
export const firstAnswers = async (
  db: DbOrTrx,
  sinceIso: string,
): Promise<Array<{ postedIso: string; firstAnswerIso: string }>> =>
  (
    await db
      .selectFrom('consultations as c')
      .innerJoin('thread_replies as r', 'r.consultation_id', 'c.id')
      .select(['c.id', 'c.created_at', (eb) => eb.fn.min('r.replied_at').as('first')])
      .where('c.created_at', '>=', sinceIso)
      .groupBy(['c.id', 'c.created_at'])
      .execute()
  ).map((r) => ({ postedIso: r.created_at, firstAnswerIso: String(r.first) }));

/** Consultations whose stage 3 (the operators' notice) went out since `sinceIso`, most recent first. */
export const escalatedSince = async (db: DbOrTrx, sinceIso: string): Promise<Consultation[]> => {
  const keys = await db
    .selectFrom('deliveries')
    .select('key')
    .where('key', 'like', 'nudge:%:stage3:%')
    .where('status', '=', 'sent')
    .where('updated_at', '>=', sinceIso)
    .execute();
  const ids = [...new Set(keys.map((k) => Number(k.key.split(':')[1])).filter(Number.isInteger))];
  if (!ids.length) return [];
  return db.selectFrom('consultations').selectAll().where('id', 'in', ids).orderBy('id', 'desc').execute();
};
