/**
 * Calendar feeds (migration 0012): each supporter's feed token, and what their feed lists — their open and
 * booked slots (with the booked session's plan) from a given instant on.
 */

import type { Plan } from '../../domain/plans.js';
import type { DbOrTrx } from '../database.js';
import type { Slot } from '../schema.js';

export const tokenOf = async (db: DbOrTrx, supporterId: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('calendar_tokens')
      .select('token')
      .where('supporter_id', '=', supporterId)
      .executeTakeFirst()
  )?.token;

export const supporterOfToken = async (db: DbOrTrx, token: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('calendar_tokens')
      .select('supporter_id')
      .where('token', '=', token)
      .executeTakeFirst()
  )?.supporter_id;

/** Sets (or replaces: the old token stops working) the supporter's token. */
export const saveToken = async (db: DbOrTrx, supporterId: string, token: string, nowIso: string) => {
  await db
    .insertInto('calendar_tokens')
    .values({ supporter_id: supporterId, token, created_at: nowIso })
    .onConflict((oc) => oc.column('supporter_id').doUpdateSet({ token, created_at: nowIso }))
    .execute();
};

export type FeedSlot = Slot & { plan: Plan | null; session_updated_at: string | null };

/** Open and booked slots of the supporter ending at or after `fromIso`, by start; booked ones with their plan. */
export const feedSlots = (db: DbOrTrx, supporterId: string, fromIso: string): Promise<FeedSlot[]> =>
  db
    .selectFrom('slots as s')
    .leftJoin('sessions as se', 'se.slot_id', 's.id')
    .selectAll('s')
    .select(['se.plan as plan', 'se.updated_at as session_updated_at'])
    .where('s.supporter_id', '=', supporterId)
    .where('s.status', 'in', ['open', 'booked'])
    .where('s.end_at', '>=', fromIso)
    .orderBy('s.start_at')
    .orderBy('s.id')
    .execute();
