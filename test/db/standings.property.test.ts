/**
 * The digest's month summary is computed in SQL (src/db/repositories/standings.ts); the quota rule it
 * restates lives in src/domain/quota.ts and drives the quota reminders through rosterStandings. Whatever
 * the roster, month flags, quota settings and slots, the two must tell the same story — on SQLite and on
 * PostgreSQL (this file runs in both vitest projects).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthSummary } from '../../src/db/repositories/standings.js';
import { monthBounds } from '../../src/domain/calendar.js';
import { isBelowQuota } from '../../src/domain/quota.js';
import type { SlotStatus } from '../../src/domain/slots.js';
import { rosterStandings } from '../../src/usecases/standing.js';
import { openTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const MONTH = '2026-12';
const ZONE = 'Asia/Tokyo';
const DEFAULT_QUOTA = 5;
const { startUtc, endUtc } = monthBounds(MONTH, ZONE);
const startMs = Date.parse(startUtc);
const endMs = Date.parse(endUtc);
const MINUTE = 60_000;
const STATUSES: SlotStatus[] = ['open', 'booked', 'cancelled'];

/** Ids that sort the same in every collation the tests meet (digits, then capitals). */
const ids = fc.uniqueArray(fc.stringMatching(/^U[0-9A-Z]{1,3}$/), { minLength: 0, maxLength: 12 });

/** Slot starts around the month, its exact bounds included. */
const slotStart = fc.oneof(
  fc.constantFrom(startMs, endMs, endMs - MINUTE, startMs - MINUTE),
  fc.integer({ min: -3 * 24 * 60, max: 34 * 24 * 60 }).map((m) => startMs + m * MINUTE),
);

/** Up to `max` rows about the given supporters (none when there are none). */
const rowsAbout = <T>(
  supporters: string[],
  row: (supporter: fc.Arbitrary<string>) => fc.Arbitrary<T>,
  max: number,
): fc.Arbitrary<T[]> =>
  supporters.length ? fc.array(row(fc.constantFrom(...supporters)), { maxLength: max }) : fc.constant([]);

const world = ids.chain((supporters) =>
  fc.record({
    supporters: fc.constant(supporters),
    left: fc.subarray(supporters),
    months: rowsAbout(
      supporters,
      (supporter) =>
        fc.record({
          supporter,
          month: fc.constantFrom(MONTH, '2026-11', '2027-01'),
          away: fc.constantFrom(0, 1),
          exempt: fc.constantFrom(0, 1),
          quotaOverride: fc.option(fc.integer({ min: 0, max: 8 })),
        }),
      10,
    ),
    settings: fc.uniqueArray(
      fc.record({
        fromMonth: fc.constantFrom('2026-06', '2026-12', '2027-01'),
        quota: fc.integer({ min: 1, max: 8 }),
      }),
      { selector: (s) => s.fromMonth, maxLength: 3 },
    ),
    slots: rowsAbout(
      supporters,
      (supporter) => fc.record({ supporter, start: slotStart, status: fc.constantFrom(...STATUSES) }),
      60,
    ),
    listed: fc.integer({ min: 0, max: 14 }),
  }),
);

type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

const store = async (w: World) => {
  const db = t.database.db;
  await db.deleteFrom('slots').execute();
  await db.deleteFrom('supporter_months').execute();
  await db.deleteFrom('quota_settings').execute();
  await db.deleteFrom('supporters').execute();
  const at = '2026-11-01T00:00:00.000Z';
  if (w.supporters.length)
    await db
      .insertInto('supporters')
      .values(
        w.supporters.map((id) => ({
          id,
          source: 'command',
          joined_at: at,
          left_at: w.left.includes(id) ? at : null,
        })),
      )
      .execute();
  const months = new Map(w.months.map((m) => [`${m.supporter} ${m.month}`, m]));
  if (months.size)
    await db
      .insertInto('supporter_months')
      .values(
        [...months.values()].map((m) => ({
          supporter_id: m.supporter,
          month: m.month,
          away: m.away,
          exempt: m.exempt,
          quota_override: m.quotaOverride,
        })),
      )
      .execute();
  if (w.settings.length)
    await db
      .insertInto('quota_settings')
      .values(w.settings.map((s) => ({ from_month: s.fromMonth, quota: s.quota, set_by: 'UOP', set_at: at })))
      .execute();
  if (w.slots.length)
    await db
      .insertInto('slots')
      .values(
        w.slots.map((s) => ({
          supporter_id: s.supporter,
          start_at: new Date(s.start).toISOString(),
          end_at: new Date(s.start + 60 * MINUTE).toISOString(),
          minutes: 60,
          status: s.status,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
};

describe('the month summary in SQL', () => {
  it('agrees with rosterStandings and isBelowQuota: totals, who is below, their order', async () => {
    const config = { ...t.config, timezone: ZONE, monthlySlotQuota: DEFAULT_QUOTA };
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await store(w);
        const standings = await rosterStandings(t.database.db, config, MONTH);
        const counted = standings.filter((s) => !s.away && !s.exempt);
        const below = standings
          .filter(isBelowQuota)
          .sort((a, b) => a.count - b.count || (a.supporterId < b.supporterId ? -1 : 1));
        const summary = await monthSummary(
          t.database.db,
          { month: MONTH, startUtc, endUtc, defaultQuota: DEFAULT_QUOTA },
          w.listed,
        );
        const setting = w.settings
          .filter((s) => s.fromMonth <= MONTH)
          .sort((a, b) => (a.fromMonth < b.fromMonth ? 1 : -1))[0];
        expect(summary.totals).toEqual({
          roster: standings.length,
          offered: standings.reduce((n, s) => n + s.count, 0),
          active: counted.length,
          needed: counted.reduce((n, s) => n + s.quota, 0),
          below: below.length,
          quota: setting?.quota ?? DEFAULT_QUOTA,
        });
        expect(summary.below).toEqual(
          below
            .slice(0, w.listed)
            .map((s) => ({ supporterId: s.supporterId, count: s.count, quota: s.quota })),
        );
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
