/**
 * Property tests for `/slots add` parsing: inputs are generated from a grammar of valid date, time and
 * length pieces (ja, en, full-width), so the parser must read them all and its output must hold invariants.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { type ParsedSlot, parseSlotEntries } from '../../src/domain/slotParser.js';
import { overlaps } from '../../src/domain/slots.js';

const ZONES = ['Asia/Tokyo', 'America/New_York', 'UTC'] as const;
const JA_WD = ['月', '火', '水', '木', '金', '土', '日'];
const EN_WD = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Errors a well-formed entry may still earn (time already passed — or, for a date without a year, passed
 * less than 60 days ago —, clash, DST gap, empty pattern).
 */
const ALLOWED_ERRORS = new Set([
  'slot_in_past',
  'slot_recent_past',
  'slot_overlap_in_command',
  'slot_pattern_empty',
  'slot_time_invalid',
  'slot_too_many',
]);

const fullWidth = (s: string): string =>
  s.replace(/[0-9:/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const dateArb = (years: fc.Arbitrary<number>): fc.Arbitrary<Ymd> =>
  fc.record({ year: years, month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });

const weekdayOf = (d: Ymd): number => DateTime.fromObject(d, { zone: 'utc' }).weekday;

/** Date pieces with a year (exact meaning), optionally with a correct weekday hint. */
const fullDateText = (d: Ymd): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(
        `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
        `${d.year}/${d.month}/${d.day}`,
        `${d.year}年${d.month}月${d.day}日`,
      ),
      fc.constantFrom(
        '',
        `(${JA_WD[weekdayOf(d) - 1]})`,
        `（${JA_WD[weekdayOf(d) - 1]}）`,
        ` (${EN_WD[weekdayOf(d) - 1]})`,
      ),
    )
    .map(([date, hint]) => date + hint);

/** Date pieces without a year (their next occurrence) or a day of the edited month. */
const shortDateText = (d: Ymd): fc.Arbitrary<string> =>
  fc.constantFrom(`${d.month}/${d.day}`, `${d.month}月${d.day}日`, `${d.day}日`);

interface Clock {
  hour: number;
  minute: number;
}

const clockArb: fc.Arbitrary<Clock> = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 15, 30, 45),
});

const timeText = (c: Clock): fc.Arbitrary<string> => {
  const forms = [
    `${c.hour}:${String(c.minute).padStart(2, '0')}`,
    `${c.hour}時${c.minute === 0 ? '' : `${c.minute}分`}`,
  ];
  if (c.minute === 30) forms.push(`${c.hour}時半`);
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const ampm = c.hour < 12 ? 'am' : 'pm';
  forms.push(c.minute === 0 ? `${h12}${ampm}` : `${h12}:${String(c.minute).padStart(2, '0')}${ampm}`);
  if (c.hour % 12 !== 0 && c.minute === 0) forms.push(`${c.hour < 12 ? '午前' : '午後'}${h12}時`);
  return fc.constantFrom(...forms);
};

interface LengthPiece {
  text: string;
  minutes: number;
}

const lengthArb = (start: Clock): fc.Arbitrary<LengthPiece> => {
  const startMinute = start.hour * 60 + start.minute;
  const plain = fc
    .integer({ min: 15, max: 240 })
    .chain((n) =>
      fc.constantFrom(
        { text: ` ${n}`, minutes: n },
        { text: ` ${n}分`, minutes: n },
        { text: ` ${n}min`, minutes: n },
        { text: ` ${n}m`, minutes: n },
      ),
    );
  const words = fc.constantFrom(
    { text: '', minutes: 60 },
    { text: ' ライト', minutes: 45 },
    { text: ' first', minutes: 90 },
    { text: ' 継続', minutes: 60 },
    { text: ' 1時間半', minutes: 90 },
    { text: ' 2h', minutes: 120 },
  );
  const maxEnd = Math.min(24 * 60, startMinute + 240);
  if (maxEnd < startMinute + 15) return fc.oneof(plain, words);
  const range = fc.integer({ min: startMinute + 15, max: maxEnd }).chain((end) => {
    const hhmm = `${Math.floor(end / 60)}:${String(end % 60).padStart(2, '0')}`;
    return fc
      .constantFrom('-', '〜', '~', ' - ')
      .map((sep) => ({ text: sep + hhmm, minutes: end - startMinute }));
  });
  return fc.oneof(plain, words, range);
};

const patternText = fc.constantFrom(
  '毎週火曜',
  '毎週月・水・金',
  '毎週土日',
  'every tue',
  'every mon/thu',
  'every sat & sun',
  '平日',
  'weekdays',
  '土日',
  'weekends',
);

/** One entry: a date or a pattern, a time and maybe a length, sometimes in full-width. */
const entryArb = (years: fc.Arbitrary<number>): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(dateArb(years).chain(fullDateText), dateArb(years).chain(shortDateText), patternText),
      clockArb.chain((c) => fc.tuple(timeText(c), lengthArb(c))),
      fc.boolean(),
    )
    .map(([when, [time, length], wide]) => {
      const text = `${when} ${time}${length.text}`;
      return wide ? fullWidth(text) : text;
    });

const nowArb = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .map((ms) => new Date(ms));

const commandArb = fc.tuple(
  nowArb,
  fc.constantFrom(...ZONES),
  fc.array(
    fc.tuple(entryArb(fc.integer({ min: 2026, max: 2028 })), fc.constantFrom('\n', ', ', '、', '，')),
    { minLength: 1, maxLength: 6 },
  ),
);

/** Parses, or returns the DomainError code; anything else (a crash) fails the property. */
const tryParse = (text: string, now: Date, zone: string): ParsedSlot[] | string => {
  try {
    return parseSlotEntries(text, { now, zone });
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

describe('parseSlotEntries properties', () => {
  it('reads every grammar-generated command and keeps its invariants', () => {
    fc.assert(
      fc.property(commandArb, ([now, zone, parts]) => {
        const text = parts.map(([entry, sep]) => entry + sep).join('');
        const result = tryParse(text, now, zone);
        if (typeof result === 'string') {
          expect(ALLOWED_ERRORS, `${result} for ${JSON.stringify(text)}`).toContain(result);
          return;
        }
        for (const slot of result) {
          expect(Date.parse(slot.startUtc)).toBeGreaterThan(now.getTime());
          expect(slot.minutes).toBeGreaterThanOrEqual(15);
          expect(slot.minutes).toBeLessThanOrEqual(240);
          expect(slot.startUtc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        }
        result.forEach((a, i) => {
          for (const b of result.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
          if (i > 0) expect(result[i - 1]!.startUtc <= a.startUtc).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('parses a dated entry to exactly the written local time, or calls it past', () => {
    const single = fc.tuple(nowArb, dateArb(fc.integer({ min: 2026, max: 2028 })), clockArb);
    fc.assert(
      fc.property(
        single.chain(([now, date, clock]) =>
          fc.tuple(fc.constant({ now, date, clock }), fullDateText(date), timeText(clock), lengthArb(clock)),
        ),
        ([{ now, date, clock }, dateText, time, length]) => {
          const zone = 'Asia/Tokyo';
          const expected = DateTime.fromObject({ ...date, ...clock }, { zone });
          const result = tryParse(`${dateText} ${time}${length.text}`, now, zone);
          if (expected.toMillis() <= now.getTime()) {
            expect(result).toBe('slot_in_past');
            return;
          }
          expect(result).toHaveLength(1);
          const [slot] = result as ParsedSlot[];
          expect(DateTime.fromISO(slot!.startUtc).setZone(zone).toFormat('yyyy-MM-dd HH:mm')).toBe(
            expected.toFormat('yyyy-MM-dd HH:mm'),
          );
          expect(slot!.minutes).toBe(length.minutes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never returns a slot at or before now, whatever the month option', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.integer({ min: -2, max: 2 }),
        entryArb(fc.integer({ min: 2026, max: 2028 })),
        (now, offset, entry) => {
          const month = DateTime.fromJSDate(now)
            .setZone('Asia/Tokyo')
            .plus({ months: offset })
            .toFormat('yyyy-MM');
          try {
            const slots = parseSlotEntries(entry, { now, zone: 'Asia/Tokyo', month });
            for (const s of slots) expect(Date.parse(s.startUtc)).toBeGreaterThan(now.getTime());
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            expect(ALLOWED_ERRORS).toContain(e.code);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
