/**
 * Vocabulary of `/slots add` entries: the weekday, month, group, unit and plan words as regex fragments,
 * and the tables that turn a matched word into its number (ISO weekday 1–7, month 1–12, a group's days).
 * The tokeniser composes these fragments; nothing here reads text itself.
 */

/** Japanese weekday characters, Monday first: index + 1 is the ISO weekday. */
export const JA_WEEKDAYS = '月火水木金土日';
export const JA_WD = `[${JA_WEEKDAYS}]`;
/** One Japanese weekday, optionally with `曜` / `曜日`: `火`, `火曜`, `火曜日`. */
export const JA_ONE = `${JA_WD}(?:曜日?)?`;
export const EN_WD =
  '(?:monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|' +
  'sunday|sun)s?(?![a-z])';
const EN_WD_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** An English month name or abbreviation, captured. */
export const EN_MONTHS =
  '(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|' +
  'september|sept|sep|october|oct|november|nov|december|dec)(?![a-z])';
const EN_MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Between the two ends of a time range: dashes, tildes, the long-vowel mark or `から`. */
export const RANGE_SEP = String.raw`\s*(?:[-~〜–—―ー−‐]|から)\s*`;
/** Length units (`1時間`, `1h`, `90分`, `45min`). */
export const HOUR_UNIT = '(?:時間|hours?|hrs?|h)(?![a-z])';
export const MINUTE_UNIT = '(?:分間?|minutes?|mins?|m)(?![a-z])';
/** Plan words that stand for the plan's length (see `planFromWord`), captured. */
export const PLAN_WORDS = '(ライト|初回|継続|light|first|follow-?up)(?![a-z])';

/** 令和N年 is the year 2018 + N (令和元年 = 2019). */
export const REIWA_BASE_YEAR = 2018;

/**
 * Days relative to today in the app's zone, captured: 今日/本日/today (0), 明日/あした/tomorrow (1), 明後日/あさって
 * (2); 今晩/今夜/tonight are today with an evening hour (`今夜 8時` = 20:00). Longer words first.
 */
export const RELATIVE_WORDS =
  '(明後日|あさって|明日|あした|あす|今日|きょう|本日|今晩|今夜|days+afters+tomorrow|tomorrow|today|tonight)(?![a-z])';

export const relativeDay = (word: string): { days: number; evening: boolean } => {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (['明後日', 'あさって', 'day after tomorrow'].includes(w)) return { days: 2, evening: false };
  if (['明日', 'あした', 'あす', 'tomorrow'].includes(w)) return { days: 1, evening: false };
  return { days: 0, evening: ['今晩', '今夜', 'tonight'].includes(w) };
};

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKENDS = [6, 7];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

export const jaWeekday = (ch: string): number => JA_WEEKDAYS.indexOf(ch) + 1;
export const enWeekday = (word: string): number => EN_WD_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
export const enMonth = (word: string): number => EN_MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** `平日`/`weekday(s)` → Mon–Fri, `毎日`/`every day`/`daily` → all days, otherwise (土日, 週末…) Sat–Sun. */
export const groupWeekdays = (word: string): number[] => {
  if (word === '平日' || word === 'weekday') return WEEKDAYS;
  if (/^(?:毎日|every\s*day|daily)$/.test(word)) return EVERY_DAY;
  return WEEKENDS;
};
