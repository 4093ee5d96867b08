/** The App Home's "this week": what is ready for each booked session (the sessions come from sessions.ts). */
import type { DbOrTrx } from '../database.js';

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
