/** The App Home's "this week": a supporter's booked sessions in a window, and what is ready for each. */
import type { DbOrTrx } from '../database.js';

/** The supporter's booked slots with a session record starting in (fromUtc, toUtc], soonest first. */
export const sessionsOfSupporterBetween = (
  db: DbOrTrx,
  supporterId: string,
  fromUtc: string,
  toUtc: string,
) =>
  db
    .selectFrom('slots as s')
    .innerJoin('sessions as se', 'se.slot_id', 's.id')
    .select([
      's.id as slot_id',
      's.start_at',
      's.minutes',
      'se.id as session_id',
      'se.plan',
      'se.client_alias',
      'se.consultation_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('consultations as c')
        .select((e) => e.fn.max('c.id').as('m'))
        .whereRef('c.slot_id', '=', 's.id')
        .as('latest_consultation_id'),
    )
    .where('s.supporter_id', '=', supporterId)
    .where('s.status', '=', 'booked')
    .where('s.start_at', '>', fromUtc)
    .where('s.start_at', '<=', toUtc)
    .orderBy('s.start_at')
    .orderBy('s.id')
    .execute();

/**
 * The sessions (among these) whose pre-session brief went out at least once: the session-briefs job's
 * keys are `brief:<session id>:<hours>`.
 */
export const sessionsBriefed = async (db: DbOrTrx, sessionIds: readonly number[]): Promise<Set<number>> => {
  if (!sessionIds.length) return new Set();
  const rows = await db
    .selectFrom('deliveries')
    .select('key')
    .where('status', '=', 'sent')
    .where((eb) => eb.or(sessionIds.map((id) => eb('key', 'like', `brief:${id}:%`))))
    .execute();
  return new Set(rows.map((r) => Number(r.key.split(':')[1])));
};
