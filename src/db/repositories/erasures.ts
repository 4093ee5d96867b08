/**
 * Client text and where it went: the columns that hold it (purgeClientText, the one list of them), the
 * erasures queue (migration 0011) and the bot's Slack messages that carried it (botMessagesAbout).
 */
import type { DbOrTrx } from '../database.js';
import type { Erasure, ErasureKind, ErasureReason } from '../schema.js';

export type ErasureTargets = { consultations: number[]; sessions: number[] };

const CHUNK = 500;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Blanks every column that holds client text for these targets — the one list of them: consultations'
 * topic and question, sessions' alias, topic and write-up (draft and finished text). A table that adds
 * client text adds its update here, keyed by the session or consultation it belongs to.
 */
export const purgeClientText = async (
  db: DbOrTrx,
  targets: ErasureTargets,
  purgedText: string,
  nowIso: string,
): Promise<void> => {
  for (const ids of chunks(targets.consultations)) {
    await db
      .updateTable('consultations')
      .set({ topic: '', question: purgedText, purged_at: nowIso })
      .where('id', 'in', ids)
      .execute();
  }
  for (const ids of chunks(targets.sessions)) {
    await db
      .updateTable('sessions')
      .set({ client_alias: '', topic: '', writeup_draft: null, writeup_text: null, updated_at: nowIso })
      .where('id', 'in', ids)
      .execute();
  }
};

/** Queues the targets for their Slack rewrite (a target already queued keeps its first row). */
export const recordErasures = async (
  db: DbOrTrx,
  kind: ErasureKind,
  ids: readonly number[],
  reason: ErasureReason,
  nowIso: string,
): Promise<void> => {
  for (const chunk of chunks(ids)) {
    await db
      .insertInto('erasures')
      .values(chunk.map((target_id) => ({ kind, target_id, reason, erased_at: nowIso, slack_done_at: null })))
      .onConflict((oc) => oc.columns(['kind', 'target_id']).doNothing())
      .execute();
  }
};

/** Erasures whose Slack messages are not all rewritten yet, oldest first (optionally only these targets). */
export const erasuresWaitingForSlack = (db: DbOrTrx, only?: ErasureTargets): Promise<Erasure[]> => {
  let q = db.selectFrom('erasures').selectAll().where('slack_done_at', 'is', null);
  if (only) {
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'consultation'), eb('target_id', 'in', [0, ...only.consultations])]),
        eb.and([eb('kind', '=', 'session'), eb('target_id', 'in', [0, ...only.sessions])]),
      ]),
    );
  }
  return q.orderBy('id').execute();
};

export const erasuresOf = (db: DbOrTrx, targets: ErasureTargets): Promise<Erasure[]> =>
  db
    .selectFrom('erasures')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'consultation'), eb('target_id', 'in', [0, ...targets.consultations])]),
        eb.and([eb('kind', '=', 'session'), eb('target_id', 'in', [0, ...targets.sessions])]),
      ]),
    )
    .execute();

export const markSlackDone = async (db: DbOrTrx, ids: readonly number[], nowIso: string): Promise<void> => {
  for (const chunk of chunks(ids)) {
    await db.updateTable('erasures').set({ slack_done_at: nowIso }).where('id', 'in', chunk).execute();
  }
};

/** Sessions not erased yet whose slot started by `before` (RETENTION_DAYS counts from the session's start). */
export const sessionsExpiredBy = async (db: DbOrTrx, before: string): Promise<number[]> =>
  (
    await db
      .selectFrom('sessions as se')
      .innerJoin('slots as s', 's.id', 'se.slot_id')
      .select('se.id')
      .where('s.start_at', '<=', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('erasures as e')
              .select('e.id')
              .where('e.kind', '=', 'session')
              .whereRef('e.target_id', '=', 'se.id'),
          ),
        ),
      )
      .execute()
  ).map((r) => r.id);

/** What `erase --consultation` reaches: the consultation, if it exists. */
export const consultationTargets = async (db: DbOrTrx, id: number): Promise<ErasureTargets> => {
  const c = await db.selectFrom('consultations').select('id').where('id', '=', id).executeTakeFirst();
  return { consultations: c ? [c.id] : [], sessions: [] };
};

/** What `erase --session` reaches: the session and the consultations asked about it. */
export const sessionTargets = async (db: DbOrTrx, id: number): Promise<ErasureTargets> => {
  const s = await db
    .selectFrom('sessions')
    .select(['id', 'slot_id', 'consultation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) return { consultations: [], sessions: [] };
  const about = await db.selectFrom('consultations').select('id').where('slot_id', '=', s.slot_id).execute();
  const ids = new Set(about.map((r) => r.id));
  if (s.consultation_id !== null) ids.add(s.consultation_id);
  return { consultations: [...ids].sort((a, b) => a - b), sessions: [s.id] };
};

/** What `erase --supporter` reaches: every consultation they asked and every session they hold. */
export const supporterTargets = async (db: DbOrTrx, supporterId: string): Promise<ErasureTargets> => {
  const [cs, ss] = await Promise.all([
    db
      .selectFrom('consultations')
      .select('id')
      .where('supporter_id', '=', supporterId)
      .orderBy('id')
      .execute(),
    db.selectFrom('sessions').select('id').where('supporter_id', '=', supporterId).orderBy('id').execute(),
  ]);
  return { consultations: cs.map((r) => r.id), sessions: ss.map((r) => r.id) };
};

/** A bot message that carried client text: where it is, whom it was for, and the ledger key it went under. */
export type BotMessage = { key: string; reader: string; channel: string; ts: string };

/** Sent deliveries whose key starts with one of `prefixes` (e.g. `booking:12`, `brief:12:`). */
const sentDeliveries = async (db: DbOrTrx, exact: string[], prefixes: string[]): Promise<BotMessage[]> => {
  if (!exact.length && !prefixes.length) return [];
  const rows = await db
    .selectFrom('deliveries')
    .select(['key', 'recipient', 'channel', 'ts'])
    .where('status', '=', 'sent')
    .where((eb) =>
      eb.or([
        ...(exact.length ? [eb('key', 'in', exact)] : []),
        ...prefixes.map((p) => eb('key', 'like', `${p}%`)),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.flatMap((r) =>
    r.channel && r.ts ? [{ key: r.key, reader: r.recipient, channel: r.channel, ts: r.ts }] : [],
  );
};

/**
 * The bot's messages that carried an erased target's text, under the keys they were sent with:
 * - a consultation: its advice post (`consult:<id>`; the consultation row records channel and ts), the
 *   nudge DMs that quoted its question (`nudge:<id>:<user>`; not the thread bump, which quotes nothing),
 *   and the briefs of a slot booked by /consult alone (`brief:slot:<slot id>:<h>`, which show its topic);
 * - a session: its booking DM (`booking:<id>`) and its briefs (`brief:<id>:<h>`), which show alias and topic.
 * Write-up DMs (#19) add their keys here.
 */
export const botMessagesAbout = async (db: DbOrTrx, e: Pick<Erasure, 'kind' | 'target_id'>) => {
  const id = e.target_id;
  if (e.kind === 'session') return sentDeliveries(db, [`booking:${id}`], [`brief:${id}:`, `writeup:${id}:`]);
  const c = await db
    .selectFrom('consultations')
    .select(['id', 'channel', 'ts', 'slot_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) return [];
  const slotOnly =
    c.slot_id !== null &&
    !(await db.selectFrom('sessions').select('id').where('slot_id', '=', c.slot_id).executeTakeFirst());
  const dms = await sentDeliveries(
    db,
    [],
    [`nudge:${id}:`, ...(slotOnly ? [`brief:slot:${c.slot_id}:`] : [])],
  );
  const post: BotMessage[] =
    c.channel && c.ts ? [{ key: `consult:${id}`, reader: c.channel, channel: c.channel, ts: c.ts }] : [];
  return [...post, ...dms.filter((m) => m.key !== `nudge:${id}:bump`)];
};
