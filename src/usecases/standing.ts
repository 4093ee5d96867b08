/** Where supporters stand against the quota in a month: one query per table, however many supporters. */

import type { DbOrTrx } from '../db/database.js';
import { offeredCounts } from '../db/repositories/slots.js';
import { listActiveSupporterIds, monthFlags, quotaFor } from '../db/repositories/supporters.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds } from '../domain/calendar.js';
import type { MonthStanding } from '../domain/quota.js';

export type SupporterStanding = MonthStanding & { supporterId: string };

/** Standings of the given supporters (default: everyone on the roster) for `month`. */
export const rosterStandings = async (
  db: DbOrTrx,
  config: UseCaseDeps['config'],
  month: string,
  onlyIds?: readonly string[],
): Promise<SupporterStanding[]> => {
  const { startUtc, endUtc } = monthBounds(month, config.timezone);
  const [ids, counts, flags, quota] = await Promise.all([
    onlyIds ? [...onlyIds] : listActiveSupporterIds(db),
    offeredCounts(db, startUtc, endUtc, onlyIds),
    monthFlags(db, month, onlyIds),
    quotaFor(db, month, config.monthlySlotQuota),
  ]);
  return ids.map((id) => {
    const f = flags.get(id);
    return {
      supporterId: id,
      month,
      count: counts.get(id) ?? 0,
      quota: f?.quotaOverride ?? quota,
      away: f?.away ?? false,
      exempt: f?.exempt ?? false,
    };
  });
};

export const standingOf = async (
  db: DbOrTrx,
  config: UseCaseDeps['config'],
  supporterId: string,
  month: string,
): Promise<SupporterStanding> => (await rosterStandings(db, config, month, [supporterId]))[0]!;
