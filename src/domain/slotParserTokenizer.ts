/**
 * Tokeniser for one `/slots add` entry (already normalised, see `slotParserNormalize.ts`): reads it left to
 * right, spaces optional, into date, relative-day, weekday, nth-weekday, weekly-pattern, time and length
 * tokens with explicit sticky regexes built from the vocabulary. Text no reader accepts is
 * `slot_unrecognized`, quoting the word it stopped at. Ranges are not checked here (`13/1` and `25時` are
 * tokens); the resolver does that. Times are read in `slotParserClock.ts`.
 */
import { PLAN_MINUTES, planFromWord } from './plans.js';
import { readTime } from './slotParserClock.js';
import {
  type DateToken,
  type Hit,
  matchAt,
  num,
  sticky,
  type Token,
  type Unwritten,
  unrecognized,
  type WeekdayToken,
} from './slotParserTokens.js';
import {
  EN_MONTHS,
  EN_WD,
  enMonth,
  enWeekday,
  groupWeekdays,
  HOUR_UNIT,
  JA_ONE,
  JA_WD,
  JA_WEEKDAYS,
  jaWeekday,
  MINUTE_UNIT,
  PLAN_WORDS,
  REIWA_BASE_YEAR,
  RELATIVE_WORDS,
  relativeDay,
} from './slotParserVocabulary.js';

type Reader = (s: string, pos: number) => Hit<Unwritten<Token>> | undefined;

const hitOf = <T>(m: RegExpExecArray | null, pos: number, make: (m: RegExpExecArray) => T) =>
  m ? { value: make(m), end: pos + m[0].length } : undefined;

// ---------------------------------------------------------------------------------------------------------
// Weekly patterns and nth weekdays

const P_JA_GROUP = sticky('(?:毎週\\s*)?(平日|週末|土日)|(毎週末|毎日)');
const P_JA_LIST = sticky(`毎週\\s*(${JA_ONE}(?:\\s*[・/&と]?\\s*${JA_ONE})*)`);
const P_EN_LIST = sticky(`every\\s+(${EN_WD}(?:\\s*(?:/|&|\\+|,|and(?![a-z]))\\s*${EN_WD})*)`);
const P_EN_GROUP = sticky('(?:every\\s+)?(weekday|weekend)s?(?![a-z])|(every\\s*day|daily)(?![a-z])');
/** `第2土曜`, `毎月第1・第3土曜`, `第1・3土曜日`, `第2、第4` is split as two entries so never seen here. */
const P_NTH = sticky(`(毎月\\s*)?第\\s*([1-5](?:\\s*[・/&と]\\s*第?\\s*[1-5])*)\\s*(${JA_WD})(?:曜日?)?`);

const readPattern: Reader = (s, pos) => {
  const group = matchAt(P_JA_GROUP, s, pos) ?? matchAt(P_EN_GROUP, s, pos);
  if (group) {
    const word = (group[1] ?? group[2] ?? '').toLowerCase();
    return { value: { kind: 'pattern', weekdays: groupWeekdays(word) }, end: pos + group[0].length };
  }
  const nth = matchAt(P_NTH, s, pos);
  if (nth) {
    const nths = (nth[2]?.match(/[1-5]/g) ?? []).map(Number);
    const weekday = jaWeekday(nth[3] ?? '');
    return { value: { kind: 'nth', nths, weekday, monthly: nth[1] !== undefined }, end: pos + nth[0].length };
  }
  const ja = matchAt(P_JA_LIST, s, pos);
  if (ja) {
    const days = [...(ja[1] ?? '').replace(/曜日?/g, '')].filter((c) => JA_WEEKDAYS.includes(c));
    return { value: { kind: 'pattern', weekdays: days.map(jaWeekday) }, end: pos + ja[0].length };
  }
  const en = matchAt(P_EN_LIST, s, pos);
  if (en) {
    const words = (en[1] ?? '').match(new RegExp(EN_WD, 'gi')) ?? [];
    return { value: { kind: 'pattern', weekdays: words.map(enWeekday) }, end: pos + en[0].length };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------------------
// Dates

const D_YMD = sticky(String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)`);
const D_YMD_JA = sticky(String.raw`(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日`);
const D_REIWA = sticky(String.raw`令和\s*(\d{1,2})年\s*(\d{1,2})月\s*(\d{1,2})日`);
const D_MD_JA = sticky(String.raw`(\d{1,2})月\s*(\d{1,2})日`);
const D_MD = sticky(String.raw`(\d{1,2})/(\d{1,2})(?![\d/:])`);
const YEAR_AFTER = String.raw`(?:\s*,?\s+(\d{4})(?![\d:]))?`;
const D_EN = sticky(`${EN_MONTHS}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])${YEAR_AFTER}`);
/** `3 Dec`, `3rd December 2026`. */
const D_EN_DM = sticky(`(\\d{1,2})(?:st|nd|rd|th)?\\s*${EN_MONTHS}\\.?${YEAR_AFTER}`);
const D_DAY = sticky(String.raw`(\d{1,2})日(?!間)`);

const dateToken = (
  year: number | undefined,
  month: number | undefined,
  day: number,
): Unwritten<DateToken> => ({
  kind: 'date',
  year,
  month,
  day,
});

const optYear = (s: string | undefined): number | undefined => (s === undefined ? undefined : num(s));

const readDate: Reader = (s, pos) =>
  hitOf(matchAt(D_YMD, s, pos), pos, (m) => dateToken(num(m[1]), num(m[2]), num(m[3]))) ??
  hitOf(matchAt(D_YMD_JA, s, pos), pos, (m) => dateToken(num(m[1]), num(m[2]), num(m[3]))) ??
  hitOf(matchAt(D_REIWA, s, pos), pos, (m) => dateToken(REIWA_BASE_YEAR + num(m[1]), num(m[2]), num(m[3]))) ??
  hitOf(matchAt(D_MD_JA, s, pos), pos, (m) => dateToken(undefined, num(m[1]), num(m[2]))) ??
  hitOf(matchAt(D_MD, s, pos), pos, (m) => dateToken(undefined, num(m[1]), num(m[2]))) ??
  hitOf(matchAt(D_EN, s, pos), pos, (m) => dateToken(optYear(m[3]), enMonth(m[1] ?? ''), num(m[2]))) ??
  hitOf(matchAt(D_EN_DM, s, pos), pos, (m) => dateToken(optYear(m[3]), enMonth(m[2] ?? ''), num(m[1]))) ??
  hitOf(matchAt(D_DAY, s, pos), pos, (m) => dateToken(undefined, undefined, num(m[1])));

const D_RELATIVE = sticky(RELATIVE_WORDS);

const readRelative: Reader = (s, pos) =>
  hitOf(matchAt(D_RELATIVE, s, pos), pos, (m) => ({ kind: 'relative', ...relativeDay(m[1] ?? '') }));

// ---------------------------------------------------------------------------------------------------------
// Weekdays: `(水)`, `水曜`, `Wed`, `今週金曜`, `来週火曜`, `再来週`, `次の火曜`, `next tue`

const JA_WEEK = '(今週|来週|再来週|次の|次回の?|今度の)?\\s*(?:の\\s*)?';
const W_PAREN = sticky(`\\(\\s*(${JA_WD}|${EN_WD})(?:曜日?)?\\s*(?:[・/]\\s*祝\\s*)?\\)`);
const W_JA = sticky(`${JA_WEEK}(${JA_WD})曜日?`);
const W_EN = sticky(`(?:(next|this|coming|this\\s+coming)\\s+)?(${EN_WD})`);

const JA_WEEK_OF: Record<string, WeekdayToken['week']> = {
  今週: 'this',
  来週: 'next-week',
  再来週: 'after-next',
  次の: 'next',
  次回: 'next',
  次回の: 'next',
  今度の: 'next',
};

const weekdayOf = (written: string): number =>
  JA_WEEKDAYS.includes(written) ? jaWeekday(written) : enWeekday(written);

const readWeekday: Reader = (s, pos) => {
  const paren = matchAt(W_PAREN, s, pos);
  if (paren) {
    return hitOf(paren, pos, (m) => ({ kind: 'weekday', weekday: weekdayOf(m[1] ?? ''), week: 'bare' }));
  }
  const ja = matchAt(W_JA, s, pos);
  if (ja) {
    const week = ja[1] ? (JA_WEEK_OF[ja[1]] ?? 'bare') : 'bare';
    return hitOf(ja, pos, (m) => ({ kind: 'weekday', weekday: jaWeekday(m[2] ?? ''), week }));
  }
  const en = matchAt(W_EN, s, pos);
  if (!en) return undefined;
  const week = en[1]?.toLowerCase() === 'next' ? 'next' : 'bare';
  return hitOf(en, pos, (m) => ({ kind: 'weekday', weekday: enWeekday(m[2] ?? ''), week }));
};

// ---------------------------------------------------------------------------------------------------------
// Lengths

const L_HOURS = sticky(String.raw`(\d+(?:\.\d+)?)\s*${HOUR_UNIT}(?:\s*(半)|\s*(\d{1,3})\s*${MINUTE_UNIT})?`);
const L_MINUTES = sticky(String.raw`(\d+)\s*${MINUTE_UNIT}`);
const L_PLAN = sticky(PLAN_WORDS);
const L_BARE = sticky(String.raw`(\d+)(?![\d.:/])`);

const lengthHit = (m: RegExpExecArray, pos: number, minutes: number, bare = false) => ({
  value: { kind: 'length' as const, minutes, bare },
  end: pos + m[0].length,
});

const readLength: Reader = (s, pos) => {
  let m = matchAt(L_HOURS, s, pos);
  if (m) {
    const minutes = Number(m[1]) * 60 + (m[2] ? 30 : num(m[3]));
    const whole = Math.round(minutes);
    return Math.abs(minutes - whole) < 1e-9 ? lengthHit(m, pos, whole) : undefined;
  }
  m = matchAt(L_MINUTES, s, pos);
  if (m) return lengthHit(m, pos, num(m[1]));
  m = matchAt(L_PLAN, s, pos);
  if (m) {
    const plan = planFromWord(m[1] ?? '');
    return plan ? lengthHit(m, pos, PLAN_MINUTES[plan]) : undefined;
  }
  m = matchAt(L_BARE, s, pos);
  return m ? lengthHit(m, pos, num(m[1]), true) : undefined;
};

// ---------------------------------------------------------------------------------------------------------

/**
 * Order matters: patterns (`毎週火曜`, `第2土曜`) before weekdays, dates before times (`3 Dec` vs a length),
 * times before lengths (`19時` vs `1時間`), relative words before weekdays (`今日` vs `日`).
 */
const READERS: Reader[] = [readPattern, readRelative, readDate, readTime, readWeekday, readLength];

/**
 * Between two tokens: spaces, the `,` of `Thursday, 3 Dec`, the `の` of `12月9日の16:00` / `明日の夜7時`, and the
 * holiday mark our own list reply writes after a weekday (`12/3(水)(祝)`, `Wed (holiday) 12/3`), so a line
 * copied from `/slots list` reads back as the same slot.
 */
const GAP = /(?:\s|,|\((?:祝日?|holiday)\)|(?<=\S)の(?=\s*\S))+/iy;

/** The first word at `pos`, to quote in an error. */
const wordAt = (s: string, pos: number): string => s.slice(pos).split(/\s/)[0] ?? '';

/** The tokens of one normalised entry, in written order; `entry` (as typed) names it in the error. */
export const tokenize = (normalized: string, entry: string): Token[] => {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    const gap = matchAt(GAP, normalized, pos);
    if (gap && tokens.length > 0) pos += gap[0].length;
    else pos += matchAt(/\s+/y, normalized, pos)?.[0].length ?? 0;
    if (pos >= normalized.length) return tokens;
    const hit = READERS.reduce<Hit<Unwritten<Token>> | undefined>(
      (found, read) => found ?? read(normalized, pos),
      undefined,
    );
    if (!hit || hit.end <= pos) throw unrecognized(entry, wordAt(normalized, pos));
    tokens.push({ ...hit.value, text: normalized.slice(pos, hit.end).trim() } as Token);
    pos = hit.end;
  }
};
