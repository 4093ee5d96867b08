/**
 * `/slots add` parsing of dates as people write them in chat and mail (issue #21): relative days, weekdays
 * in Monday-based weeks (with the week boundaries: Sunday, Monday, month end, year end), 第N曜, 令和,
 * time-of-day words, kanji numerals, bullets, AM/PM before the time, English forms, ranges past midnight,
 * and the errors that quote what could not be read — checked as the text a supporter sees.
 */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/i18n/index.js';
import { domainErrorOf, NOW, outcomeOf, parseRow, type SlotRow } from '../helpers/slotRows.js';

/** Sun 2026-12-06 10:00 JST: the last day of a Monday-based week. */
const SUN = '2026-12-06T01:00:00Z';
/** Mon 2026-12-07 10:00 JST: the first day of a week. */
const MON = '2026-12-07T01:00:00Z';
/** Mon 2026-11-30 10:00 JST: the last day of a month. */
const NOV30 = '2026-11-30T01:00:00Z';
/** Thu 2026-12-31 10:00 JST: the last day of the year. */
const DEC31 = '2026-12-31T01:00:00Z';
/** Tue 2027-01-05 10:00 JST: a week into the new year. */
const JAN5 = '2027-01-05T01:00:00Z';

const parse = (text: string, now = NOW, month?: string) =>
  parseRow({ text, now, ...(month ? { month } : {}) });

const ROWS: SlotRow[] = [
  // Relative days (today in the app's zone)
  { text: '明日 19時', want: ['2026-11-26 19:00 60'] },
  { text: '今日 19:00', want: ['2026-11-25 19:00 60'] },
  { text: '本日 19:00', want: ['2026-11-25 19:00 60'] },
  { text: '今日 9:00', want: 'slot_in_past' },
  { text: '明後日 10:00', want: ['2026-11-27 10:00 60'] },
  { text: 'あさって 10時 90分', want: ['2026-11-27 10:00 90'] },
  { text: '今晩 8時', want: ['2026-11-25 20:00 60'] },
  { text: '今夜 9:30', want: ['2026-11-25 21:30 60'] },
  { text: '今夜 20:00-21:00', want: ['2026-11-25 20:00 60'] },
  { text: '今夜 12時', want: 'slot_time_ambiguous' },
  { text: 'tomorrow 7pm', want: ['2026-11-26 19:00 60'] },
  { text: 'today 19:00 45', want: ['2026-11-25 19:00 45'] },
  { text: 'tonight 8', want: 'slot_time_ambiguous' },
  { text: '明日の夜7時', want: ['2026-11-26 19:00 60'] },
  { text: '明日(木) 19:00', want: ['2026-11-26 19:00 60'] },
  { text: '明日(金) 19:00', want: 'slot_weekday_mismatch' },
  // Weekdays (Monday-based weeks; now is Wednesday 11/25, its week is 11/23–11/29)
  { text: '来週火曜 20時', want: ['2026-12-01 20:00 60'] },
  { text: '今週金曜 19:00', want: ['2026-11-27 19:00 60'] },
  { text: '今週月曜 19:00', want: 'slot_in_past' },
  { text: '今週の日曜 19:00', want: ['2026-11-29 19:00 60'] },
  { text: '再来週火曜 20:00', want: ['2026-12-08 20:00 60'] },
  { text: '再来週の水曜日 20:00', want: ['2026-12-09 20:00 60'] },
  { text: '次の火曜 20:00', want: ['2026-12-01 20:00 60'] },
  { text: '次の水曜 20:00', want: ['2026-12-02 20:00 60'] },
  { text: '火曜 20時', want: ['2026-12-01 20:00 60'] },
  { text: '水曜 19:00', want: ['2026-11-25 19:00 60'] },
  { text: '水曜 9:00', want: ['2026-12-02 09:00 60'] },
  { text: 'next tue 8pm', want: ['2026-12-01 20:00 60'] },
  { text: 'Thu 19:00-20:30', want: ['2026-11-26 19:00 90'] },
  { text: '来週 19:00', want: 'slot_unrecognized' },
  // Week boundaries: Sunday
  { text: '来週火曜 20:00', now: SUN, want: ['2026-12-08 20:00 60'] },
  { text: '今週火曜 20:00', now: SUN, want: 'slot_in_past' },
  { text: '今週日曜 20:00', now: SUN, want: ['2026-12-06 20:00 60'] },
  { text: '日曜 20:00', now: SUN, want: ['2026-12-06 20:00 60'] },
  { text: '次の日曜 20:00', now: SUN, want: ['2026-12-13 20:00 60'] },
  { text: '来週日曜 20:00', now: SUN, want: ['2026-12-13 20:00 60'] },
  // Week boundaries: Monday
  { text: '来週火曜 20:00', now: MON, want: ['2026-12-15 20:00 60'] },
  { text: '今週火曜 20:00', now: MON, want: ['2026-12-08 20:00 60'] },
  { text: '今週月曜 20:00', now: MON, want: ['2026-12-07 20:00 60'] },
  { text: '来週月曜 20:00', now: MON, want: ['2026-12-14 20:00 60'] },
  { text: '再来週月曜 20:00', now: MON, want: ['2026-12-21 20:00 60'] },
  // Week boundaries: month end (Mon 11/30)
  { text: '明日 20:00', now: NOV30, want: ['2026-12-01 20:00 60'] },
  { text: '今週火曜 20:00', now: NOV30, want: ['2026-12-01 20:00 60'] },
  { text: '来週火曜 20:00', now: NOV30, want: ['2026-12-08 20:00 60'] },
  { text: '金曜 20:00', now: NOV30, want: ['2026-12-04 20:00 60'] },
  // Week boundaries: year end (Thu 12/31) and just after
  { text: '明日 10:00', now: DEC31, want: ['2027-01-01 10:00 60'] },
  { text: '明後日 10:00', now: DEC31, want: ['2027-01-02 10:00 60'] },
  { text: '今週土曜 10:00', now: DEC31, want: ['2027-01-02 10:00 60'] },
  { text: '来週月曜 10:00', now: DEC31, want: ['2027-01-04 10:00 60'] },
  { text: '1/1 10:00', now: DEC31, want: ['2027-01-01 10:00 60'] },
  { text: '12/28 19:00', now: JAN5, want: ['2027-12-28 19:00 60'] },
  { text: '1/3 19:00', now: JAN5, want: 'slot_recent_past' },
  { text: '2027/12/28 19:00', now: JAN5, want: ['2027-12-28 19:00 60'] },
  // A date without a year that passed: recently → error; long ago → next year
  { text: '11/20 19:00', want: 'slot_recent_past' },
  { text: '10/1 19:00', want: 'slot_recent_past' },
  { text: '9/1 19:00', want: ['2027-09-01 19:00 60'] },
  { text: 'Nov 20 19:00', want: 'slot_recent_past' },
  // 第N曜 in the month
  { text: '第2土曜 10:00', month: '2026-12', want: ['2026-12-12 10:00 60'] },
  { text: '第2土曜 10:00', want: 'slot_in_past' },
  { text: '第二土曜日 10時', month: '2026-12', want: ['2026-12-12 10:00 60'] },
  { text: '第5土曜 10:00', month: '2026-12', want: 'slot_date_invalid' },
  { text: '毎月第1・第3土曜 10:00', month: '2026-12', want: ['2026-12-05 10:00 60', '2026-12-19 10:00 60'] },
  { text: '第1・3土曜 10:00', month: '2026-12', want: ['2026-12-05 10:00 60', '2026-12-19 10:00 60'] },
  { text: '毎月第4日曜 13:00', month: '2026-12', want: ['2026-12-27 13:00 60'] },
  { text: '第1土曜 10:00 (土)', month: '2026-12', want: ['2026-12-05 10:00 60'] },
  { text: '毎月第1土曜 10:00 (土)', month: '2026-12', want: 'slot_unrecognized' },
  // 令和 and kanji numerals
  { text: '令和8年12月3日 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '令和九年一月十日 十時', want: ['2027-01-10 10:00 60'] },
  { text: '令和元年5月1日 10:00', want: 'slot_in_past' },
  { text: '12/3 十九時', want: ['2026-12-03 19:00 60'] },
  { text: '十二月三日 十九時半', want: ['2026-12-03 19:30 60'] },
  { text: '12/3 十九時〜二十時半', want: ['2026-12-03 19:00 90'] },
  { text: '十二月二十三日 二十時 一時間半', want: ['2026-12-23 20:00 90'] },
  // Time-of-day words and AM/PM before the time
  { text: '12/3 夜7時', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 夜19時', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 夜7時〜8時半', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 朝10時', want: ['2026-12-03 10:00 60'] },
  { text: '12/3 夕方5時', want: ['2026-12-03 17:00 60'] },
  { text: '12/3 昼1時', want: ['2026-12-03 13:00 60'] },
  { text: '12/3 正午', want: ['2026-12-03 12:00 60'] },
  { text: '12/3 夜1時', want: 'slot_time_ambiguous' },
  { text: '12/3 夜12時', want: 'slot_time_ambiguous' },
  { text: '12/3 朝9:30', want: ['2026-12-03 09:30 60'] },
  { text: '12/3 PM7:00', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 pm 7', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 AM10:30', want: ['2026-12-03 10:30 60'] },
  { text: '12/3 PM7:00-PM8:30', want: ['2026-12-03 19:00 90'] },
  // の, the weekday anywhere, English forms
  { text: '12月9日の16:00', want: ['2026-12-09 16:00 60'] },
  { text: '12/9の16時から', want: ['2026-12-09 16:00 60'] },
  { text: '12/3 19:00 (木)', want: ['2026-12-03 19:00 60'] },
  { text: '12/3 19:00 (金)', want: 'slot_weekday_mismatch' },
  { text: '木曜 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: 'Thu 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '3 Dec 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '3rd December 2026 7pm', want: ['2026-12-03 19:00 60'] },
  { text: 'Dec 3 2026 7pm', want: ['2026-12-03 19:00 60'] },
  { text: 'Thursday, 3 Dec 19:00', want: ['2026-12-03 19:00 60'] },
  { text: 'Dec 3, 2026 7pm', want: ['2026-12-03 19:00 60'] },
  { text: 'Fri, 3 Dec 19:00', want: 'slot_weekday_mismatch' },
  { text: '12/3 19:00, 12/4 19:00', want: ['2026-12-03 19:00 60', '2026-12-04 19:00 60'] },
  // Bullets pasted from a list
  { text: '・12/3(木) 19:00〜20:00', want: ['2026-12-03 19:00 60'] },
  { text: '① 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '②12/4 19:00', want: ['2026-12-04 19:00 60'] },
  { text: '- 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '• 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '1. 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '(2) 12/3 19:00', want: ['2026-12-03 19:00 60'] },
  { text: '・12/3 19:00\n・12/4 20:00 90分', want: ['2026-12-03 19:00 60', '2026-12-04 20:00 90'] },
  // Ranges past midnight
  { text: '12/3 23:00-0:30', want: ['2026-12-03 23:00 90'] },
  { text: '12/3 23時〜25時', want: ['2026-12-03 23:00 120'] },
  { text: '12/31 23:00-0:30', now: DEC31, want: ['2026-12-31 23:00 90'] },
  { text: '12/3 20:00-19:00', want: 'slot_end_before_start' },
  { text: '12/3 22:00-3:00', want: 'slot_end_before_start' },
  // Lengths that agree or disagree
  { text: '12/3 19:00-20:30 初回', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 90分 初回', want: ['2026-12-03 19:00 90'] },
  { text: '12/3 19:00 60分 初回', want: 'slot_length_conflict' },
  { text: '12/3 19:00-20:00 ライト', want: 'slot_length_conflict' },
  // Two of a kind
  { text: '12/3 明日 19:00', want: 'slot_duplicate' },
  { text: '12/3(木) Thu 19:00', want: 'slot_duplicate' },
  { text: '12/3 19:00 ほげ', want: 'slot_unrecognized' },
];

describe('dates as people write them', () => {
  it('has at least 100 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ROWS)('$text (now $now, month $month) → $want', (row) => {
    expect(outcomeOf(row)).toEqual(row.want);
  });
});

describe('errors quote what they are about', () => {
  const seen = (text: string, locale: 'ja' | 'en' = 'ja', now = NOW): string => {
    const e = domainErrorOf(() => parse(text, now));
    return errorText(locale, e.code, e.params);
  };

  it('names the word it could not read', () => {
    expect(seen('12/3 19:00 ほげ')).toMatch(/^「12\/3 19:00 ほげ」の「ほげ」が読めませんでした。/);
    expect(seen('12/3 19:00 please', 'en')).toMatch(/^In "12\/3 19:00 please" I could not read "please"\./);
    expect(seen('・12/3 19:00ほげ')).toContain('の「ほげ」が読めませんでした');
  });

  it('says a date without a year passed recently, and how to write next year’s', () => {
    expect(seen('11/20 19:00')).toBe(
      '「11/20 19:00」の「11/20」は5日前に過ぎています。来年のことなら `2027/11/20` のように年から書いてください。',
    );
    expect(seen('11/24 19:00', 'en')).toContain('passed 1 day ago');
  });

  it('points at a weekday that does not match the date', () => {
    expect(seen('12/3 19:00 (金)')).toBe(
      '「12/3 19:00 (金)」: 12/3 は木曜日です（「(金)」と書かれています）。日付か曜日を直してください。',
    );
    expect(seen('Fri 12/3 19:00', 'en')).toContain('12/3 is a Thursday, not Friday ("Fri")');
  });

  it('says which two lengths disagree', () => {
    expect(seen('12/3 19:00-20:00 90分')).toBe(
      '「12/3 19:00-20:00 90分」の長さが合いません: 60分と「90分」（90分）。どちらか一方にしてください。',
    );
  });

  it('quotes the second date or time, with a hint for a range', () => {
    expect(seen('12/3 12/4 19:00')).toContain('日付が2つあります（「12/4」）');
    expect(seen('12/3 19:00 20:00')).toContain('時刻が2つあります（「20:00」）。時間帯なら `19:00-20:00`');
  });

  it('quotes the time that could be morning or evening', () => {
    expect(seen('12/3 夜1時')).toContain('「12/3 夜1時」の時刻が午前か午後か分かりません（「夜1時」）');
    expect(seen('12/3 25:00')).toContain('「12/3 25:00」の時刻が正しくありません（「25:00」）');
    expect(seen('12/32 19:00')).toContain('「12/32 19:00」の日付が存在しません（「12/32」）');
    expect(seen('ほげ')).toMatch(/^「ほげ」を枠として読めませんでした。/);
  });
});
