/** The roster: supporters, their expertise, per-month flags (away/exempt) and quota settings. */
import type { Db, DbOrTrx } from '../database.js';
import type { Supporter } from '../schema.js';
import { writeTransaction } from '../transaction.js';

export type RosterSource = 'command' | 'slots' | 'channel' | 'consult';

/** Adds the supporter if new; a supporter who had left is back when they act again. */
export const ensureSupporter = async (
  db: DbOrTrx,
  id: string,
  source: RosterSource,
  now: string,
): Promise<{ created: boolean; rejoined: boolean }> => {
  const existing = await getSupporter(db, id);
  if (!existing) {
    const res = await db
      .insertInto('supporters')
      .values({ id, display_name: null, locale: null, source, joined_at: now, left_at: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return { created: Number(res.numInsertedOrUpdatedRows ?? 0) > 0, rejoined: false };
  }
  if (existing.left_at) {
    await db
      .updateTable('supporters')
      .set({ left_at: null, joined_at: now, source })
      .where('id', '=', id)
      .execute();
    return { created: false, rejoined: true };
  }
  return { created: false, rejoined: false };
};

export const getSupporter = (db: DbOrTrx, id: string): Promise<Supporter | undefined> =>
  db.selectFrom('supporters').selectAll().where('id', '=', id).executeTakeFirst();

export const isActiveSupporter = async (db: DbOrTrx, id: string): Promise<boolean> => {
  const s = await getSupporter(db, id);
  return !!s && !s.left_at;
};

export const markLeft = async (db: DbOrTrx, id: string, now: string): Promise<boolean> => {
  const res = await db
    .updateTable('supporters')
    .set({ left_at: now })
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
};

export const listActiveSupporterIds = async (db: DbOrTrx): Promise<string[]> =>
  (await db.selectFrom('supporters').select('id').where('left_at', 'is', null).orderBy('id').execute()).map(
    (r) => r.id,
  );

export const setLocale = (db: DbOrTrx, id: string, locale: string) =>
  db.updateTable('supporters').set({ locale }).where('id', '=', id).execute();

export const setExpertise = async (db: DbOrTrx, id: string, tags: readonly string[]): Promise<void> => {
  await db.deleteFrom('supporter_expertise').where('supporter_id', '=', id).execute();
  if (tags.length) {
    await db
      .insertInto('supporter_expertise')
      .values(tags.map((tag) => ({ supporter_id: id, tag })))
      .execute();
  }
};

export const getExpertise = async (db: DbOrTrx, id: string): Promise<string[]> =>
  (
    await db
      .selectFrom('supporter_expertise')
      .select('tag')
      .where('supporter_id', '=', id)
      .orderBy('tag')
      .execute()
  ).map((r) => r.tag);

/** Every supporter's expertise in one query (exports, digests, nudges). */
export const expertiseBySupporter = async (db: DbOrTrx): Promise<Map<string, string[]>> => {
  const rows = await db
    .selectFrom('supporter_expertise')
    .select(['supporter_id', 'tag'])
    .orderBy('tag')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.supporter_id, [...(map.get(r.supporter_id) ?? []), r.tag]);
  return map;
};

export type MonthFlag = 'away' | 'exempt';

export const setMonthFlag = async (
  db: DbOrTrx,
  id: string,
  month: string,
  flag: MonthFlag,
  value: boolean,
): Promise<void> => {
  const v = value ? 1 : 0;
  await db
    .insertInto('supporter_months')
    .values({ supporter_id: id, month, quota_override: null, [flag]: v })
    .onConflict((oc) => oc.columns(['supporter_id', 'month']).doUpdateSet({ [flag]: v }))
    .execute();
};

export type MonthFlags = { away: boolean; exempt: boolean; quotaOverride: number | null };

/** Flags for every supporter in a month: supporter id → flags (absent = none). */
/** Month flags (away, exempt, quota override) of `month`, for everyone or for `onlyIds`. */
export const monthFlags = async (
  db: DbOrTrx,
  month: string,
  onlyIds?: readonly string[],
): Promise<Map<string, MonthFlags>> => {
  if (onlyIds?.length === 0) return new Map();
  let q = db.selectFrom('supporter_months').selectAll().where('month', '=', month);
  if (onlyIds) q = q.where('supporter_id', 'in', [...onlyIds]);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      r.supporter_id,
      { away: r.away === 1, exempt: r.exempt === 1, quotaOverride: r.quota_override },
    ]),
  );
};

export const awayMonths = async (db: DbOrTrx, id: string, fromMonth: string): Promise<string[]> =>
  (
    await db
      .selectFrom('supporter_months')
      .select('month')
      .where('supporter_id', '=', id)
      .where('away', '=', 1)
      .where('month', '>=', fromMonth)
      .orderBy('month')
      .execute()
  ).map((r) => r.month);

export const setQuotaFrom = async (
  db: DbOrTrx,
  fromMonth: string,
  quota: number,
  by: string,
  now: string,
) => {
  await db
    .insertInto('quota_settings')
    .values({ from_month: fromMonth, quota, set_by: by, set_at: now })
    .onConflict((oc) => oc.column('from_month').doUpdateSet({ quota, set_by: by, set_at: now }))
    .execute();
};

/** The quota setting in force in `month` (the latest from that month or before), as a subquery. */
export const quotaSettingFor = (db: DbOrTrx, month: string) =>
  db
    .selectFrom('quota_settings')
    .select('quota')
    .where('from_month', '<=', month)
    .orderBy('from_month', 'desc')
    .limit(1);

/** The quota for a month: the latest setting that starts on or before it, else the configured default. */
export const quotaFor = async (db: DbOrTrx, month: string, fallback: number): Promise<number> =>
  (await quotaSettingFor(db, month).executeTakeFirst())?.quota ?? fallback;

/** The language a supporter chose with `/supporter lang` (a primary-key lookup), if any. */
export const chosenLocaleOf = async (db: DbOrTrx, id: string): Promise<string | null | undefined> =>
  (await db.selectFrom('supporters').select('locale').where('id', '=', id).executeTakeFirst())?.locale;

export type StoredLocales = { chosen: string | null; slack: string | null };

/** One supporter's stored languages (undefined for someone not on the roster). */
export const storedLocalesOf = async (db: DbOrTrx, id: string): Promise<StoredLocales | undefined> => {
  const row = await db
    .selectFrom('supporters')
    .select(['locale', 'slack_locale'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { chosen: row.locale, slack: row.slack_locale };
};

/** What is known of each supporter's language: chosen with `/supporter lang`, last seen in Slack. */
export const supporterLocales = async (db: DbOrTrx): Promise<Map<string, StoredLocales>> => {
  const rows = await db
    .selectFrom('supporters')
    .select(['id', 'locale', 'slack_locale'])
    .where((eb) => eb.or([eb('locale', 'is not', null), eb('slack_locale', 'is not', null)]))
    .execute();
  return new Map(rows.map((r) => [r.id, { chosen: r.locale, slack: r.slack_locale }]));
};

/**
 * Records the Slack locale (`en-US`) seen for a supporter, when it changed. Read first, inside a write
 * transaction: on SQLite a write that starts a transaction waits for a busy database synchronously (the
 * busy timeout, with the event loop stopped), while one that read first fails at once and is retried
 * asynchronously by writeTransaction — this runs on the command path.
 */
export const rememberSlackLocale = (db: Db, id: string, slackLocale: string): Promise<void> =>
  writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('supporters')
      .select('slack_locale')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.slack_locale === slackLocale) return;
    await trx.updateTable('supporters').set({ slack_locale: slackLocale }).where('id', '=', id).execute();
  });

/** Roster members who came from the roster channel, for syncing it. */
export const channelSourcedIds = async (db: DbOrTrx): Promise<string[]> =>
  (
    await db
      .selectFrom('supporters')
      .select('id')
      .where('source', '=', 'channel')
      .where('left_at', 'is', null)
      .execute()
  ).map((r) => r.id);

export const allSupporterIds = async (db: DbOrTrx): Promise<Set<string>> =>
  new Set((await db.selectFrom('supporters').select('id').execute()).map((r) => r.id));

/** Display names known for supporters (those that have one), by id. */
export const displayNames = async (db: DbOrTrx): Promise<Map<string, string>> => {
  const rows = await db
    .selectFrom('supporters')
    .select(['id', 'display_name'])
    .where('display_name', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name ?? r.id]));
};
