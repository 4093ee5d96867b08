/**
 * `seen_requests`: the signatures of the Slack requests taken in the last five minutes, the replay
 * ledger of src/slack/requestGuard.ts. In the database on both dialects, so one rule holds everywhere: on
 * PostgreSQL every instance refuses a request another instance took, and on either a restart forgets
 * nothing. The primary key decides which sighting is the first. `expires_at` is epoch seconds (the
 * request's timestamp plus the signature window, after which the timestamp check refuses it anyway).
 */
import type { Db } from '../database.js';

/** Records the signature; true when no one had recorded it before. */
export const recordSignature = async (db: Db, signature: string, expiresAt: number): Promise<boolean> => {
  const result = await db
    .insertInto('seen_requests')
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
};

/** Forgets the signatures whose window ended before `nowSeconds`; how many. */
export const forgetExpiredSignatures = async (db: Db, nowSeconds: number): Promise<number> => {
  const result = await db.deleteFrom('seen_requests').where('expires_at', '<', nowSeconds).executeTakeFirst();
  return Number(result.numDeletedRows);
};
