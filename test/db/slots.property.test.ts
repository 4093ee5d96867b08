/**
 * Properties of storing slots, against a real SQLite file: whatever sequence of /slots add commands a
 * supporter sends — in the forms of the table and the casual ones of issue #21 — stored slots never overlap,
 * are never in the past, and what was added is exactly what listing shows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/errors.js';
import { overlaps } from '../../src/domain/slots.js';
import { addSlots } from '../../src/usecases/addSlots.js';
import { listSlots } from '../../src/usecases/listSlots.js';
import { openTestDb, type TestDb } from '../helpers/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const NOW = new Date('2026-11-25T01:00:00Z');

const entry = fc
  .record({
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 8, max: 22 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    length: fc.constantFrom('', ' 45', ' 90', ' 初回', ' ライト', ' 120分'),
  })
  .map(({ day, hour, minute, length }) => `12月${day}日 ${hour}:${String(minute).padStart(2, '0')}${length}`);

/** The forms of issue #21 (now is Wed 11/25): relative days, weekdays, bullets, kanji, ranges past midnight. */
const casualEntry = fc
  .record({
    day: fc.constantFrom(
      '明日',
      '明後日',
      '来週火曜',
      '再来週水曜',
      '金曜',
      '次の月曜',
      '12/3(木)',
      '十二月四日',
    ),
    hour: fc.integer({ min: 8, max: 23 }),
    bullet: fc.constantFrom('', '・', '① ', '- '),
    tail: fc.constantFrom('', ' 初回', '-0:30', '〜24:00'),
  })
  .map(({ day, hour, bullet, tail }) => `${bullet}${day} ${hour}:00${tail}`);

const command = fc
  .array(fc.oneof(entry, casualEntry), { minLength: 1, maxLength: 4 })
  .map((entries) => entries.join('\n'));

describe('stored slots', () => {
  it('never overlap, and listing shows exactly what was added', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 6 }), async (commands) => {
        run += 1;
        const userId = `UPROP${run}`;
        const deps = { db: t.database.db, config: t.config };
        const added: number[] = [];
        for (const text of commands) {
          try {
            const r = await addSlots(deps, { userId, text, now: NOW });
            added.push(...r.added.map((s) => s.id));
          } catch (err) {
            if (!isDomainError(err)) throw err;
          }
        }
        const months = await Promise.all(
          ['2026-11', '2026-12'].map((month) => listSlots(deps, { userId, now: NOW, month })),
        );
        const slots = months.flatMap((m) => m.slots);
        expect(slots.map((s) => s.id).sort((a, b) => a - b)).toEqual([...added].sort((a, b) => a - b));
        expect(months.reduce((n, m) => n + m.standing.count, 0)).toBe(added.length);
        for (const s of slots) expect(Date.parse(s.start_at)).toBeGreaterThan(NOW.getTime());
        const spans = slots.map((s) => ({ startUtc: s.start_at, minutes: s.minutes }));
        for (let i = 0; i < spans.length; i++) {
          for (let j = i + 1; j < spans.length; j++) expect(overlaps(spans[i]!, spans[j]!)).toBe(false);
        }
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
