/** Busy calendars (migration 0013): each supporter's main-job .ics URL, a secret. */
import type { DbOrTrx } from '../database.js';

export const busyUrlOf = async (db: DbOrTrx, supporterId: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('busy_calendars')
      .select('url')
      .where('supporter_id', '=', supporterId)
      .executeTakeFirst()
  )?.url;

/** The URLs of these supporters who set one. */
export const busyUrlsOf = async (
  db: DbOrTrx,
  supporterIds: readonly string[],
): Promise<Map<string, string>> =>
  supporterIds.length
    ? new Map(
        (
          await db
            .selectFrom('busy_calendars')
            .select(['supporter_id', 'url'])
            .where('supporter_id', 'in', [...supporterIds])
            .execute()
        ).map((r) => [r.supporter_id, r.url]),
      )
    : new Map();

/** Sets (or replaces) the supporter's busy calendar. */
export const saveBusyUrl = async (db: DbOrTrx, supporterId: string, url: string, nowIso: string) => {
  await db
    .insertInto('busy_calendars')
    .values({ supporter_id: supporterId, url, created_at: nowIso })
    .onConflict((oc) => oc.column('supporter_id').doUpdateSet({ url, created_at: nowIso }))
    .execute();
};

/** Forgets it; the URL it held, if any (so its cache can be dropped too). */
export const deleteBusyUrl = async (db: DbOrTrx, supporterId: string): Promise<string | undefined> => {
  const url = await busyUrlOf(db, supporterId);
  if (url !== undefined)
    await db.deleteFrom('busy_calendars').where('supporter_id', '=', supporterId).execute();
  return url;
};
