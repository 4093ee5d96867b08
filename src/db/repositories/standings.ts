/**
 * The roster's standing against the quota in one month, computed in the database: the totals of the
 * operator digest and the supporters below quota, without sending every supporter's row to Node.
 *
 * The quota rule is src/domain/quota.ts (`isBelowQuota`): offered slots (open or booked) starting in the
 * month, against the supporter's override for the month or else the month's quota setting; away and exempt
 * supporters are excused. The SQL below states the same rule; test/db/standings.property.test.ts holds the
 * two to agreement on both databases (rosterStandings + isBelowQuota is the oracle).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../database.js';
import { OFFERED } from './slots.js';
import { quotaFor, quotaSettingFor } from './supporters.js';

/** One month: its name (`2026-07`), its bounds in UTC and the quota when no setting names one. */
export type MonthWindow = { month: string; startUtc: string; endUtc: string; defaultQuota: number };

export type MonthTotals = {
  /** Supporters on the roster (not left). */
  roster: number;
  /** Slots offered by them that month (open or booked). */
  offered: number;
  /** Supporters neither away nor exempt, and the slots they owe between them. */
  active: number;
  needed: number;
  /** Active supporters below their quota. */
  below: number;
  /** The month's quota (quota setting in force, or the default). */
  quota: number;
};

export type BelowQuota = { supporterId: string; count: number; quota: number };

/** The month's quota: the latest setting from that month or before, else the default. */
const monthQuota = (db: DbOrTrx, w: MonthWindow) =>
  sql<number>`coalesce((${quotaSettingFor(db, w.month)}), ${w.defaultQuota})`;

/** `standing`: one row per roster supporter — offered count, quota, and the 0/1 flags `counted`, `below`. */
const withStandings = (db: DbOrTrx, w: MonthWindow) =>
  db
    .with('offered', (qb) =>
      qb
        .selectFrom('slots')
        .select(['supporter_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', OFFERED)
        .where('start_at', '>=', w.startUtc)
        .where('start_at', '<', w.endUtc)
        .groupBy('supporter_id'),
    )
    .with('base', (qb) =>
      qb
        .selectFrom('supporters as s')
        .leftJoin('offered as o', 'o.supporter_id', 's.id')
        .leftJoin('supporter_months as m', (j) =>
          j.onRef('m.supporter_id', '=', 's.id').on('m.month', '=', w.month),
        )
        .where('s.left_at', 'is', null)
        .select((eb) => [
          's.id as supporter_id',
          eb.fn.coalesce('o.n', sql<number>`0`).as('count'),
          eb.fn.coalesce('m.quota_override', monthQuota(db, w)).as('quota'),
          sql<number>`case when coalesce(m.away, 0) = 0 and coalesce(m.exempt, 0) = 0 then 1 else 0 end`.as(
            'counted',
          ),
        ]),
    )
    .with('standing', (qb) =>
      qb
        .selectFrom('base')
        .selectAll()
        .select(sql<number>`case when counted = 1 and count < quota then 1 else 0 end`.as('below')),
    );

/**
 * The month's totals and the first `listed` supporters below quota (fewest offered first, then by id), in
 * one query: the totals ride on every row as window aggregates, so the counting is done once.
 */
export const monthSummary = async (
  db: DbOrTrx,
  w: MonthWindow,
  listed: number,
): Promise<{ totals: MonthTotals; below: BelowQuota[] }> => {
  const rows = await withStandings(db, w)
    .selectFrom('standing')
    .select([
      'supporter_id',
      'count',
      'quota',
      'below',
      sql<number>`count(*) over ()`.as('t_roster'),
      sql<number>`sum(count) over ()`.as('t_offered'),
      sql<number>`sum(counted) over ()`.as('t_active'),
      sql<number>`sum(counted * quota) over ()`.as('t_needed'),
      sql<number>`sum(below) over ()`.as('t_below'),
      monthQuota(db, w).as('t_quota'),
    ])
    .orderBy('below', 'desc')
    .orderBy('count')
    .orderBy('supporter_id')
    .limit(Math.max(1, listed))
    .execute();
  const first = rows[0];
  // PostgreSQL returns counts and sums as strings; no rows means nobody is on the roster.
  const totals: MonthTotals = first
    ? {
        roster: Number(first.t_roster),
        offered: Number(first.t_offered),
        active: Number(first.t_active),
        needed: Number(first.t_needed),
        below: Number(first.t_below),
        quota: Number(first.t_quota),
      }
    : {
        roster: 0,
        offered: 0,
        active: 0,
        needed: 0,
        below: 0,
        quota: await quotaFor(db, w.month, w.defaultQuota),
      };
  const below = rows
    .filter((r) => Number(r.below) === 1)
    .slice(0, listed)
    .map((r) => ({ supporterId: r.supporter_id, count: Number(r.count), quota: Number(r.quota) }));
  return { totals, below };
};
