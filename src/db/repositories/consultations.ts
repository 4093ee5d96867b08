/** Consultations (advice requests), their tags and the thread replies that answer them. */

import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../database.js';
import type { Consultation, ConsultationsTable } from '../schema.js';

export const insertConsultation = async (
  db: DbOrTrx,
  row: Insertable<ConsultationsTable>,
  tags: readonly string[],
): Promise<Consultation> => {
  const inserted = await db.insertInto('consultations').values(row).returningAll().executeTakeFirstOrThrow();
  if (tags.length) {
    await db
      .insertInto('consultation_tags')
      .values(tags.map((tag) => ({ consultation_id: inserted.id, tag })))
      .execute();
  }
  return inserted;
};

export const getConsultation = (db: DbOrTrx, id: number) =>
  db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();

export const consultationByThread = (db: DbOrTrx, channel: string, ts: string) =>
  db
    .selectFrom('consultations')
    .selectAll()
    .where('channel', '=', channel)
    .where('ts', '=', ts)
    .executeTakeFirst();

export const setPosted = (db: DbOrTrx, id: number, channel: string, ts: string) =>
  db.updateTable('consultations').set({ channel, ts }).where('id', '=', id).execute();

export const deleteConsultation = (db: DbOrTrx, id: number) =>
  db.deleteFrom('consultations').where('id', '=', id).execute();

export const resolveConsultation = async (db: DbOrTrx, id: number, now: string): Promise<boolean> => {
  const res = await db
    .updateTable('consultations')
    .set({ status: 'resolved', resolved_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

export const tagsOf = async (db: DbOrTrx, id: number): Promise<string[]> =>
  (await db.selectFrom('consultation_tags').select('tag').where('consultation_id', '=', id).execute()).map(
    (r) => r.tag,
  );

/** Records an answer once: the same message (by ts) never counts twice, whatever Slack redelivers. */
export const recordReply = async (
  db: DbOrTrx,
  reply: { consultationId: number; messageTs: string; userId: string; repliedAt: string },
): Promise<boolean> => {
  const res = await db
    .insertInto('thread_replies')
    .values({
      consultation_id: reply.consultationId,
      message_ts: reply.messageTs,
      user_id: reply.userId,
      replied_at: reply.repliedAt,
    })
    .onConflict((oc) => oc.columns(['consultation_id', 'message_ts']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
};

export type ReplyStats = { replies: number; responders: string[] };

/** Reply counts and distinct responders per consultation. */
export const replyStats = async (db: DbOrTrx, ids: readonly number[]): Promise<Map<number, ReplyStats>> => {
  const map = new Map<number, ReplyStats>();
  if (!ids.length) return map;
  const rows = await db
    .selectFrom('thread_replies')
    .select(['consultation_id', 'user_id'])
    .where('consultation_id', 'in', [...ids])
    .orderBy('replied_at')
    .execute();
  for (const r of rows) {
    const s = map.get(r.consultation_id) ?? { replies: 0, responders: [] };
    s.replies += 1;
    if (!s.responders.includes(r.user_id)) s.responders.push(r.user_id);
    map.set(r.consultation_id, s);
  }
  return map;
};

/** Claims a Slack event id; false when it was already processed (a retry or another instance). */
export const claimEvent = async (db: DbOrTrx, eventId: string, now: string): Promise<boolean> => {
  const res = await db
    .insertInto('slack_events')
    .values({ event_id: eventId, received_at: now })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
};

/** Forgets event ids claimed before `beforeIso`; how many. */
export const forgetEventsBefore = async (db: DbOrTrx, beforeIso: string): Promise<number> => {
  const res = await db.deleteFrom('slack_events').where('received_at', '<', beforeIso).executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
};

/**
 * Open, posted consultations whose session is still ahead and that nobody else has answered yet,
 * soonest session first. A query builder, so the repositories can narrow it further (nudges.ts).
 */
export const unansweredQuery = (db: DbOrTrx, nowIso: string) =>
  db
    .selectFrom('consultations')
    .selectAll()
    .where('status', '=', 'open')
    .where('ts', 'is not', null)
    .where('session_start', '>', nowIso)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('thread_replies')
            .select('message_ts')
            .whereRef('consultation_id', '=', 'consultations.id'),
        ),
      ),
    )
    .orderBy('session_start');

/** Open, posted consultations nobody else has answered yet whose session is still ahead, soonest first. */
export const unansweredConsultations = (db: DbOrTrx, nowIso: string): Promise<Consultation[]> =>
  unansweredQuery(db, nowIso).execute();

/** Consultations whose session started by `before` and whose text is not purged yet: their ids. */
export const consultationsToPurge = async (db: DbOrTrx, before: string): Promise<number[]> =>
  (
    await db
      .selectFrom('consultations')
      .select('id')
      .where('session_start', '<=', before)
      .where('purged_at', 'is', null)
      .execute()
  ).map((r) => r.id);

/** Consultations with their session's end and write-up state, in session order (the export; no text). */
export const consultationsForExport = (db: DbOrTrx, range?: { startUtc: string; endUtc: string }) => {
  let q = db
    .selectFrom('consultations as c')
    .leftJoin('slots as s', 's.id', 'c.slot_id')
    .select([
      'c.id',
      'c.supporter_id',
      'c.session_start',
      'c.plan',
      'c.channel',
      'c.ts',
      'c.status',
      's.end_at',
      's.writeup_done_at',
      's.status as slot_status',
    ]);
  if (range) q = q.where('c.session_start', '>=', range.startUtc).where('c.session_start', '<', range.endUtc);
  return q.orderBy('c.session_start').orderBy('c.id').execute();
};

/** The tags of the given consultations, as (consultation_id, tag) rows. */
export const tagsOfConsultations = async (db: DbOrTrx, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('consultation_tags')
        .select(['consultation_id', 'tag'])
        .where('consultation_id', 'in', [...ids])
        .execute()
    : [];
