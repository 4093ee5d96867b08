/**
 * Property tests for the forms of issue #21: whatever `now` is, relative days and weekday words resolve by
 * the documented rule (Monday-based weeks) to exactly the written clock, never in the past; kanji numerals
 * and list bullets never change what is stored; and every line of the list reply (`12/3(水) 19:00–20:00`,
 * `Wed 12/3 19:00–20:00`) reads back as the very slot it shows.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatSlotWhen } from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import { type ParsedSlot, parseSlotEntries } from '../../src/domain/slotParser.js';

const TOKYO = 'Asia/Tokyo';
const JA_WD = ['月', '火', '水', '木', '金', '土', '日'];

const nowArb = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
  .map((ms) => new Date(ms));

const tryParse = (text: string, now: Date): ParsedSlot[] | string => {
  try {
    return parseSlotEntries(text, { now, zone: TOKYO });
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

const local = (s: ParsedSlot): DateTime => DateTime.fromISO(s.startUtc).setZone(TOKYO);

/** 1–99 in kanji as people write them: 7 → 七, 10 → 十, 19 → 十九, 23 → 二十三, 30 → 三十. */
const kanji = (n: number): string => {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n === 0) return '〇';
  if (n < 10) return d[n]!;
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
};

type Week = 'bare' | 'next' | 'this' | 'next-week' | 'after-next';
const WEEK_WORDS: Record<Week, string> = {
  bare: '',
  next: '次の',
  this: '今週',
  'next-week': '来週',
  'after-next': '再来週',
};

/** The rule of `slotParserDays.ts`, written independently with luxon's ISO (Monday-first) weeks. */
const expectedDay = (week: Week, weekday: number, today: DateTime): DateTime => {
  const monday = today.startOf('week');
  if (week === 'this') return monday.plus({ days: weekday - 1 });
  if (week === 'next-week') return monday.plus({ days: 7 + weekday - 1 });
  if (week === 'after-next') return monday.plus({ days: 14 + weekday - 1 });
  const ahead = (weekday - today.weekday + 7) % 7;
  return today.plus({ days: week === 'next' && ahead === 0 ? 7 : ahead });
};

describe('issue #21 forms, properties', () => {
  it('weekday words land on the written weekday and clock, by the Monday-based rule, never in the past', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.constantFrom<Week>('bare', 'next', 'this', 'next-week', 'after-next'),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 30),
        (now, week, weekday, hour, minute) => {
          const text = `${WEEK_WORDS[week]}${JA_WD[weekday - 1]}曜 ${hour}:${String(minute).padStart(2, '0')}`;
          const today = DateTime.fromJSDate(now).setZone(TOKYO).startOf('day');
          let day = expectedDay(week, weekday, today);
          const at = (d: DateTime) => d.set({ hour, minute });
          if (week === 'bare' && at(day).toMillis() <= now.getTime()) day = day.plus({ days: 7 });
          const result = tryParse(text, now);
          if (at(day).toMillis() <= now.getTime()) {
            expect(result, text).toBe('slot_in_past');
            return;
          }
          expect(Array.isArray(result), `${text}: ${String(result)}`).toBe(true);
          const [slot] = result as ParsedSlot[];
          expect(local(slot!).toFormat('yyyy-MM-dd HH:mm'), text).toBe(at(day).toFormat('yyyy-MM-dd HH:mm'));
          expect(local(slot!).weekday).toBe(weekday);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('relative days are today + n at the written clock, or past', () => {
    const words = [
      ['今日', 0],
      ['本日', 0],
      ['明日', 1],
      ['tomorrow', 1],
      ['明後日', 2],
      ['あさって', 2],
    ] as const;
    fc.assert(
      fc.property(
        nowArb,
        fc.constantFrom(...words),
        fc.integer({ min: 0, max: 23 }),
        (now, [word, n], hour) => {
          const want = DateTime.fromJSDate(now).setZone(TOKYO).startOf('day').plus({ days: n }).set({ hour });
          const result = tryParse(`${word} ${hour}時`, now);
          if (want.toMillis() <= now.getTime()) expect(result).toBe('slot_in_past');
          else expect((result as ParsedSlot[]).map((s) => local(s).toMillis())).toEqual([want.toMillis()]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('kanji numerals and list bullets store exactly what the digits would', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('', '・', '• ', '- ', '① ', '②', '1. ', '(3) ', '※'),
        (now, month, day, hour, bullet) => {
          const digits = tryParse(`${month}月${day}日 ${hour}時`, now);
          expect(tryParse(`${bullet}${kanji(month)}月${kanji(day)}日 ${kanji(hour)}時`, now)).toEqual(
            typeof digits === 'string'
              ? digits
              : digits.map((s) => ({
                  ...s,
                  entry: `${bullet}${kanji(month)}月${kanji(day)}日 ${kanji(hour)}時`,
                })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a line of the list reply reads back as the slot it shows (ja and en)', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.integer({ min: 1, max: 400 * 24 * 4 }),
        fc.integer({ min: 1, max: 16 }),
        fc.constantFrom<'ja' | 'en'>('ja', 'en'),
        (now, quarterHours, quarters, locale) => {
          const start = DateTime.fromJSDate(now)
            .setZone(TOKYO)
            .startOf('hour')
            .plus({ hours: 1, minutes: 15 * quarterHours });
          const startUtc = start.toUTC().toISO()!;
          const minutes = 15 * quarters;
          const line = formatSlotWhen(startUtc, minutes, TOKYO, locale, now);
          const result = tryParse(line, now);
          expect(Array.isArray(result), `${line}: ${String(result)}`).toBe(true);
          const [slot] = result as ParsedSlot[];
          expect(Date.parse(slot!.startUtc), line).toBe(start.toMillis());
          expect(slot!.minutes, line).toBe(minutes);
        },
      ),
      { numRuns: 400 },
    );
  });
});
