/** `/slots add` parsing: a table of inputs → local starts and lengths or error codes; plans; slot rules. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MINUTES, PLAN_MINUTES, planForMinutes, planFromWord } from '../../src/domain/plans.js';
import { parseSlotEntries, splitEntries } from '../../src/domain/slotParser.js';
import { assertNoOverlapWithin, countsTowardQuota, overlaps } from '../../src/domain/slots.js';
import { domainErrorOf, NOW, outcomeOf, type SlotRow, TOKYO } from '../helpers/slotRows.js';

/** Fri 2026-11-20 10:00 JST (11/23 勤労感謝の日 is ahead). */
const NOV20 = '2026-11-20T01:00:00Z';
/** Sat 2026-12-05 10:00 JST. */
const DEC5 = '2026-12-05T01:00:00Z';
/** Mon 2026-12-28 12:00 JST. */
const DEC28 = '2026-12-28T03:00:00Z';

const DEC_TUE = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29'];
const DEC_THU = ['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31'];
const at = (dates: string[], time: string, minutes: number): string[] =>
  dates.map((d) => `${d} ${time} ${minutes}`).sort();

const ROWS: SlotRow[] = [
  // Basic Japanese and ISO forms
  { text: '12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '2026-12-03 19:00 90', want: ['2026-12-03 19:00 90'] },
  { text: '2026/12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '12月3日 19時 45分', want: ['2026-12-03 19:00 45'] },
  { text: '2026年12月3日 19時', want: ['2026-12-03 19:00 60'] },
  { text: '12月3日19時30分', want: ['2026-12-03 19:30 60'] },
  { text: '12/3 19時半', want: ['2026-12-03 19:30 60'] },
  { text: '12/3 19時30', want: ['2026-12-03 19:30 60'] },
  { text: '12/3 9:30', want: ['2026-12-03 09:30 60'] },
  { text: '12/3 午後7時', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 午前10時', want: ['2026-12-03 10:00 60'] },
  { text: '12/3 午後0時', want: ['2026-12-03 12:00 60'] },
  { text: '19:00 12/3', want: ['2026-12-03 19:00 60'] },
  // English forms
  { text: '12/3 7pm', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 7:30pm', want: ['2026-12-03 19:30 60'] },
  { text: '12/3 10 AM 45m', want: ['2026-12-03 10:00 45'] },
  { text: '12/3 12pm', want: ['2026-12-03 12:00 60'] },
  { text: 'Dec 3 7pm', want: ['2026-12-03 19:00 60'] },
  { text: 'December 3rd 19:00 90 minutes', want: ['2026-12-03 19:00 90'] },
  // Lengths and plan words
  { text: '12/3 19:00 1時間半', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 2時間', want: ['2026-12-03 19:00 120'] },
  { text: '12/3 19:00 1時間30分', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 1h', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 19:00 1.5h', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 1h30m', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 45min', want: ['2026-12-03 19:00 45'] },
  { text: '12/3 19:00 15', want: ['2026-12-03 19:00 15'] },
  { text: '12/3 19:00 240', want: ['2026-12-03 19:00 240'] },
  { text: '12/3 19:00 ライト', want: ['2026-12-03 19:00 45'] },
  { text: '12/3 19:00 初回', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 継続', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 19:00 FIRST', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 Follow-Up', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 19:00 light', want: ['2026-12-03 19:00 45'] },
  // Full-width and half-width input
  { text: '１２／３ １９：００', want: ['2026-12-03 19:00 60'] },
  { text: '１２月３日　１９時　９０分', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 ﾗｲﾄ', want: ['2026-12-03 19:00 45'] },
  { text: '２０２６－１２－０３ １９：００～２０：３０', want: ['2026-12-03 19:00 90'] },
  // Ranges
  { text: '12/3 19:00-20:30', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 - 20:30', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00〜20:30', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00~20:30', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19時〜20時半', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19時から20時まで', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 19-20時', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 7-8:30pm', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 午後7時〜8時', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 11:00-1pm', want: ['2026-12-03 11:00 120'] },
  { text: '12/3 22:00-24:00', want: ['2026-12-03 22:00 120'] },
  { text: '12/3 19時から 90分', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00〜', want: ['2026-12-03 19:00 60'] },
  // Weekday hints
  { text: '12/3(木) 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '12/3（木）19:00', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 (Thu) 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 木曜 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 thursday 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '11/23(月・祝) 10:00', now: NOV20, want: ['2026-11-23 10:00 60'] },
  { text: '12/3(水) 19:00', want: 'slot_weekday_mismatch' },
  { text: '12/3 (Wed) 19:00', want: 'slot_weekday_mismatch' },
  { text: '12/3 金曜日 19:00', want: 'slot_weekday_mismatch' },
  // Next occurrence, year rollover, month boundaries
  { text: '1/5 10:00', now: DEC28, want: ['2027-01-05 10:00 60'] },
  { text: '1月11日 10:00', want: ['2027-01-11 10:00 60'] },
  { text: '12/3 19:00', now: DEC5, want: 'slot_recent_past' },
  { text: '2027/12/3 19:00', now: DEC5, want: ['2027-12-03 19:00 60'] },
  { text: '12/5 19:00', now: DEC5, want: ['2026-12-05 19:00 60'] },
  { text: '12/5 9:00', now: DEC5, want: 'slot_in_past' },
  { text: '11/25 9:00', want: 'slot_in_past' },
  { text: '11/25 10:00', want: 'slot_in_past' },
  { text: '11/25 10:01', want: ['2026-11-25 10:01 60'] },
  { text: '2026-12-31 23:00-24:00', want: ['2026-12-31 23:00 60'] },
  { text: '12/31 23:30 60', now: DEC28, want: ['2026-12-31 23:30 60'] },
  { text: '2025-12-03 19:00', want: 'slot_in_past' },
  // Leap days and impossible dates
  { text: '2028-02-29 10:00', want: ['2028-02-29 10:00 60'] },
  { text: '2027-02-29 10:00', want: 'slot_date_invalid' },
  { text: '2/29 10:00', want: 'slot_date_invalid' },
  { text: '2/29 10:00', now: '2027-12-01T00:00:00Z', want: ['2028-02-29 10:00 60'] },
  { text: '2/30 10:00', want: 'slot_date_invalid' },
  { text: '13/1 10:00', want: 'slot_date_invalid' },
  { text: '11/31 10:00', want: 'slot_date_invalid' },
  // Day of the edited month
  { text: '28日 10:00', want: ['2026-11-28 10:00 60'] },
  { text: '3日 10:00', month: '2026-12', want: ['2026-12-03 10:00 60'] },
  { text: '24日 10:00', want: 'slot_in_past' },
  { text: '31日 10:00', want: 'slot_date_invalid' },
  // Weekly patterns
  { text: '毎週火曜 20:00', month: '2026-12', want: at(DEC_TUE, '20:00', 60) },
  { text: '毎週火曜日 20:00 90分', month: '2026-12', want: at(DEC_TUE, '20:00', 90) },
  { text: '毎週火・木 20:00', month: '2026-12', want: at([...DEC_TUE, ...DEC_THU], '20:00', 60) },
  { text: '毎週火木 20:00', want: ['2026-11-26 20:00 60'] },
  { text: 'every tue 20:00', month: '2026-12', want: at(DEC_TUE, '20:00', 60) },
  { text: 'every tue/thu 20:00', want: ['2026-11-26 20:00 60'] },
  { text: 'every tue & thu 20:00-21:30', month: '2026-12', want: at([...DEC_TUE, ...DEC_THU], '20:00', 90) },
  { text: 'Every Saturday 10:00 45min', want: ['2026-11-28 10:00 45'] },
  { text: '平日 20:00', want: at(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'], '20:00', 60) },
  { text: 'weekdays 20:00', want: at(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'], '20:00', 60) },
  { text: '土日 10:00', want: ['2026-11-28 10:00 60', '2026-11-29 10:00 60'] },
  { text: 'weekends 10:00-11:30', want: ['2026-11-28 10:00 90', '2026-11-29 10:00 90'] },
  { text: '毎週水曜 19:00', want: ['2026-11-25 19:00 60'] },
  {
    text: 'every weekday 20:00',
    want: at(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30'], '20:00', 60),
  },
  { text: '週末 10:00 初回', want: ['2026-11-28 10:00 90', '2026-11-29 10:00 90'] },
  { text: '毎週末 10:00', want: ['2026-11-28 10:00 60', '2026-11-29 10:00 60'] },
  {
    text: '毎日 21:00',
    want: at(
      ['25', '26', '27', '28', '29', '30'].map((d) => `2026-11-${d}`),
      '21:00',
      60,
    ),
  },
  {
    text: 'every day 21:00 30',
    want: at(
      ['25', '26', '27', '28', '29', '30'].map((d) => `2026-11-${d}`),
      '21:00',
      30,
    ),
  },
  { text: '毎週火曜 20:00 (火)', month: '2026-12', want: 'slot_unrecognized' },
  { text: '毎週水曜 9:00', want: 'slot_pattern_empty' },
  { text: '毎週火曜 20:00', want: 'slot_pattern_empty' },
  { text: '毎週月曜 10:00', month: '2026-10', want: 'slot_pattern_empty' },
  { text: 'every tue,thu 20:00', want: ['2026-11-26 20:00 60'] },
  // Several entries, separators, sorting, overlaps
  { text: '12/5 10:00, 12/3 10:00', want: ['2026-12-03 10:00 60', '2026-12-05 10:00 60'] },
  {
    text: '12/3 19:00、12/4 19:00，12/5 19:00',
    want: at(['2026-12-03', '2026-12-04', '2026-12-05'], '19:00', 60),
  },
  { text: '12/3 19:00\n12/3 20:00', want: ['2026-12-03 19:00 60', '2026-12-03 20:00 60'] },
  { text: '12/3 19:00, 12/3 19:30', want: 'slot_overlap_in_command' },
  { text: '12/3 19:00\n12/3 19:00', want: 'slot_overlap_in_command' },
  { text: '平日 20:00、11/26 20:30', want: 'slot_overlap_in_command' },
  // Structural errors
  { text: '', want: 'slot_empty' },
  { text: ' ,、\n  ，', want: 'slot_empty' },
  { text: 'hello', want: 'slot_unrecognized' },
  { text: '12/3 19:00 please', want: 'slot_unrecognized' },
  { text: '12/3 12/4 19:00', want: 'slot_duplicate' },
  { text: '12/3 19:00 20:00', want: 'slot_duplicate' },
  { text: '12/3 19:00-20:00 90分', want: 'slot_length_conflict' },
  { text: 'Wed 19:00', want: ['2026-11-25 19:00 60'] },
  { text: '12/3 19:00 1.1.1h', want: 'slot_unrecognized' },
  { text: '19:00 90', want: 'slot_date_missing' },
  // Times
  { text: '12/3', want: 'slot_time_missing' },
  { text: '12/3 19', want: 'slot_time_missing' },
  { text: '12/3 7', want: 'slot_time_ambiguous' },
  { text: '12/3 午後12時', want: 'slot_time_ambiguous' },
  { text: '12/3 25:00', want: 'slot_time_invalid' },
  { text: '12/3 19:75', want: 'slot_time_invalid' },
  { text: '12/3 13pm', want: 'slot_time_invalid' },
  { text: '12/3 24:00', want: 'slot_time_invalid' },
  { text: '12/3 19時90分', want: 'slot_time_invalid' },
  // Lengths and ends
  { text: '12/3 19:00 10分', want: 'slot_length_out_of_range' },
  { text: '12/3 19:00 241', want: 'slot_length_out_of_range' },
  { text: '12/3 10:00-15:00', want: 'slot_length_out_of_range' },
  { text: '12/3 20:00-19:00', want: 'slot_end_before_start' },
  { text: '12/3 19:00-19:00', want: 'slot_end_before_start' },
  // Other zones
  { text: '12/3 19:00', zone: 'America/New_York', want: ['2026-12-03 19:00 60'] },
  { text: '2027-03-14 2:30', zone: 'America/New_York', want: 'slot_time_invalid' },
];

describe('parseSlotEntries table', () => {
  it('has at least 70 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(70);
  });

  it.each(ROWS)('$text (now $now, zone $zone, month $month) → $want', (row) => {
    expect(outcomeOf(row)).toEqual(row.want);
  });
});

describe('parseSlotEntries details', () => {
  const opts = { now: new Date(NOW), zone: TOKYO };

  it('returns the entry as typed (trimmed), the UTC start, the local date and no holiday', () => {
    expect(parseSlotEntries('  １２／３ １９：００  ', opts)).toEqual([
      {
        entry: '１２／３ １９：００',
        startUtc: '2026-12-03T10:00:00.000Z',
        minutes: 60,
        localDate: '2026-12-03',
        holiday: undefined,
      },
    ]);
  });

  it('honours the zone: 19:00 in New York is 00:00 UTC the next day', () => {
    const [slot] = parseSlotEntries('12/3 19:00', { ...opts, zone: 'America/New_York' });
    expect(slot?.startUtc).toBe('2026-12-04T00:00:00.000Z');
    expect(slot?.localDate).toBe('2026-12-03');
  });

  it('marks Japanese public holidays', () => {
    expect(parseSlotEntries('2027-01-11 10:00', opts)[0]?.holiday).toBe('成人の日');
    expect(parseSlotEntries('11/23 10:00', { ...opts, now: new Date(NOV20) })[0]?.holiday).toBe(
      '勤労感謝の日',
    );
  });

  it('keeps holidays in weekday patterns and marks them', () => {
    const slots = parseSlotEntries('平日 20:00', { ...opts, now: new Date(NOV20) });
    expect(slots.map((s) => s.localDate)).toContain('2026-11-23');
    expect(slots.find((s) => s.localDate === '2026-11-23')?.holiday).toBe('勤労感謝の日');
    expect(slots.find((s) => s.localDate === '2026-11-24')?.holiday).toBeUndefined();
  });

  it('gives a pattern slot the pattern entry text', () => {
    const slots = parseSlotEntries('every tue & thu 20:00', { ...opts, month: '2026-12' });
    expect(new Set(slots.map((s) => s.entry))).toEqual(new Set(['every tue & thu 20:00']));
  });

  it('names the date, the actual and the written weekday on a mismatch', () => {
    expect(domainErrorOf(() => parseSlotEntries('12/3(水) 19:00', opts)).params).toEqual({
      entry: '12/3(水) 19:00',
      token: '(水)',
      date: '12/3',
      actual: '木',
      written: '水',
    });
    expect(domainErrorOf(() => parseSlotEntries('12/3 (Wed) 19:00', opts)).params.token).toBe('(Wed)');
  });

  it('names the entry and the other entry of an overlap', () => {
    expect(domainErrorOf(() => parseSlotEntries('12/3 19:00 90, 12/3 20:00', opts)).params).toEqual({
      entry: '12/3 20:00',
      other: '12/3 19:00 90',
    });
  });

  it('reports the length in minutes when out of range', () => {
    expect(domainErrorOf(() => parseSlotEntries('12/3 19:00 5時間', opts)).params).toEqual({
      entry: '12/3 19:00 5時間',
      minutes: 300,
    });
  });

  it('names the first bad entry and stores nothing', () => {
    const e = domainErrorOf(() => parseSlotEntries('12/3 19:00\n12/4 25:00\n12/5 hello', opts));
    expect(e.code).toBe('slot_time_invalid');
    expect(e.params).toEqual({ entry: '12/4 25:00', token: '25:00' });
  });

  it('refuses more than 200 slots after expanding patterns', () => {
    const text = [0, 1, 2, 3, 4, 5, 6].map((h) => `毎日 ${h}:00 15分`).join('\n');
    const e = domainErrorOf(() => parseSlotEntries(text, { ...opts, month: '2026-12' }));
    expect(e.code).toBe('slot_too_many');
    expect(e.params).toEqual({ count: 217, max: 200 });
    expect(
      parseSlotEntries(text.split('\n').slice(0, 6).join('\n'), { ...opts, month: '2026-12' }),
    ).toHaveLength(186);
  });

  it('measures a range across a DST change in real minutes', () => {
    const [slot] = parseSlotEntries('2027-03-14 1:00-4:00', { ...opts, zone: 'America/New_York' });
    expect(slot?.minutes).toBe(120);
  });

  it('rejects a malformed month option as a programming error', () => {
    expect(() => parseSlotEntries('12/3 19:00', { ...opts, month: '2026-13' })).toThrow(/invalid month/);
  });

  it('splits entries on newline, comma, 、 and ，', () => {
    expect(splitEntries(' a ,b、c，d\r\n\ne ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('plans', () => {
  it.each([
    ['ライト', 'light'],
    ['light', 'light'],
    ['LIGHT', 'light'],
    ['初回', 'first'],
    ['First', 'first'],
    ['継続', 'followup'],
    ['followup', 'followup'],
    ['Follow-Up', 'followup'],
    ['ﾗｲﾄ', 'light'],
    ['premium', undefined],
  ])('planFromWord(%s) → %s', (word, plan) => {
    expect(planFromWord(word)).toBe(plan);
  });

  it('maps minutes to plans and knows the defaults', () => {
    expect([45, 90, 60, 30, 120].map(planForMinutes)).toEqual([
      'light',
      'first',
      'followup',
      'followup',
      'followup',
    ]);
    expect(PLAN_MINUTES).toEqual({ light: 45, first: 90, followup: 60 });
    expect(DEFAULT_MINUTES).toBe(60);
  });
});

describe('slots', () => {
  const a = { startUtc: '2026-12-03T10:00:00.000Z', minutes: 60 };

  it.each([
    ['2026-12-03T11:00:00.000Z', 30, false],
    ['2026-12-03T09:00:00.000Z', 60, false],
    ['2026-12-03T10:59:00.000Z', 30, true],
    ['2026-12-03T09:30:00.000Z', 31, true],
    ['2026-12-03T10:15:00.000Z', 15, true],
    ['2026-12-03T09:00:00.000Z', 180, true],
  ])('overlaps(10:00+60, %s+%i) → %s', (startUtc, minutes, want) => {
    expect(overlaps(a, { startUtc, minutes })).toBe(want);
    expect(overlaps({ startUtc, minutes }, a)).toBe(want);
  });

  it('names the later slot as the entry and the earlier one as the other', () => {
    const long = { entry: 'long', startUtc: '2026-12-03T10:00:00.000Z', minutes: 240 };
    const late = { entry: 'late', startUtc: '2026-12-03T13:00:00.000Z', minutes: 30 };
    expect(domainErrorOf(() => assertNoOverlapWithin([late, long])).params).toEqual({
      entry: 'late',
      other: 'long',
    });
    expect(() =>
      assertNoOverlapWithin([{ ...late, startUtc: '2026-12-03T14:00:00.000Z' }, long]),
    ).not.toThrow();
  });

  it('counts open and booked slots toward the quota', () => {
    expect(countsTowardQuota('open')).toBe(true);
    expect(countsTowardQuota('booked')).toBe(true);
    expect(countsTowardQuota('cancelled')).toBe(false);
  });
});
