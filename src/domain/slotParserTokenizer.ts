/**
 * Tokeniser for one `/slots add` entry (already NFKC-normalised): reads it left to right, spaces optional,
 * into date, weekday-hint, weekly-pattern, time and length tokens with explicit sticky regexes built from
 * the vocabulary. Text no reader accepts is `slot_unrecognized`. Ranges are not checked here (`13/1` and
 * `25時` are tokens); the resolver does that.
 */
import { DomainError } from './errors.js';
import { PLAN_MINUTES, planFromWord } from './plans.js';
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
  RANGE_SEP,
} from './slotParserVocabulary.js';

type Meridiem = 'am' | 'pm' | '午前' | '午後';
type ClockStyle = 'colon' | 'ji' | 'ampm' | 'ja-meridiem';

/** A clock time as written: hour and minute not yet checked, am/pm not yet applied. */
export interface Clock {
  hour: number;
  minute: number;
  meridiem: Meridiem | undefined;
  style: ClockStyle;
}

export interface DateToken {
  kind: 'date';
  year: number | undefined;
  month: number | undefined;
  day: number;
}

/** A weekday written after a date (`12/3(水)`), to be checked against it. */
export interface HintToken {
  kind: 'hint';
  weekday: number;
  written: string;
}

export interface PatternToken {
  kind: 'pattern';
  weekdays: number[];
}

export interface TimeToken {
  kind: 'time';
  start: Clock;
  end: Clock | undefined;
}

export interface LengthToken {
  kind: 'length';
  minutes: number;
  /** A bare number such as `90`: a length, but worth a hint when the time is missing. */
  bare: boolean;
}

export type Token = DateToken | HintToken | PatternToken | TimeToken | LengthToken;

interface Hit<T> {
  value: T;
  end: number;
}

const sticky = (source: string): RegExp => new RegExp(source, 'iy');

const matchAt = (re: RegExp, s: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos;
  return re.exec(s);
};

/** A captured number; an absent group reads as 0. */
export const num = (s: string | undefined): number => Number(s ?? '0');

export const unrecognized = (entry: string): DomainError => new DomainError('slot_unrecognized', { entry });

// ---------------------------------------------------------------------------------------------------------
// Readers: each tries to read one token at `pos` and returns it with the position after it.

type Reader = (s: string, pos: number) => Hit<Token> | undefined;

const P_JA_GROUP = sticky('(?:毎週\\s*)?(平日|週末|土日)|(毎週末|毎日)');
const P_JA_LIST = sticky(`毎週\\s*(${JA_ONE}(?:\\s*[・/&と]?\\s*${JA_ONE})*)`);
const P_EN_LIST = sticky(`every\\s+(${EN_WD}(?:\\s*(?:/|&|\\+|and(?![a-z]))\\s*${EN_WD})*)`);
const P_EN_GROUP = sticky('(?:every\\s+)?(weekday|weekend)s?(?![a-z])|(every\\s*day|daily)(?![a-z])');

const readPattern: Reader = (s, pos) => {
  const group = matchAt(P_JA_GROUP, s, pos) ?? matchAt(P_EN_GROUP, s, pos);
  if (group) {
    const word = (group[1] ?? group[2] ?? '').toLowerCase();
    return { value: { kind: 'pattern', weekdays: groupWeekdays(word) }, end: pos + group[0].length };
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

const D_YMD = sticky(String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)`);
const D_YMD_JA = sticky(String.raw`(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日`);
const D_MD_JA = sticky(String.raw`(\d{1,2})月\s*(\d{1,2})日`);
const D_MD = sticky(String.raw`(\d{1,2})/(\d{1,2})(?![\d/:])`);
const D_EN = sticky(`${EN_MONTHS}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])`);
const D_DAY = sticky(String.raw`(\d{1,2})日(?!間)`);

const dateToken = (year: number | undefined, month: number | undefined, day: number): DateToken => ({
  kind: 'date',
  year,
  month,
  day,
});

const readDate: Reader = (s, pos) => {
  const hit = (m: RegExpExecArray | null, make: (m: RegExpExecArray) => DateToken) =>
    m ? { value: make(m), end: pos + m[0].length } : undefined;
  return (
    hit(matchAt(D_YMD, s, pos), (m) => dateToken(num(m[1]), num(m[2]), num(m[3]))) ??
    hit(matchAt(D_YMD_JA, s, pos), (m) => dateToken(num(m[1]), num(m[2]), num(m[3]))) ??
    hit(matchAt(D_MD_JA, s, pos), (m) => dateToken(undefined, num(m[1]), num(m[2]))) ??
    hit(matchAt(D_MD, s, pos), (m) => dateToken(undefined, num(m[1]), num(m[2]))) ??
    hit(matchAt(D_EN, s, pos), (m) => dateToken(undefined, enMonth(m[1] ?? ''), num(m[2]))) ??
    hit(matchAt(D_DAY, s, pos), (m) => dateToken(undefined, undefined, num(m[1])))
  );
};

const H_PAREN = sticky(`\\(\\s*(${JA_WD}|${EN_WD})(?:曜日?)?\\s*(?:[・/]\\s*祝\\s*)?\\)`);
const H_JA = sticky(`(${JA_WD})曜日?`);
const H_EN = sticky(`(${EN_WD})`);

const readHint: Reader = (s, pos) => {
  const m = matchAt(H_PAREN, s, pos) ?? matchAt(H_JA, s, pos) ?? matchAt(H_EN, s, pos);
  if (!m) return undefined;
  const written = m[1] ?? '';
  const weekday = JA_WEEKDAYS.includes(written) ? jaWeekday(written) : enWeekday(written);
  return { value: { kind: 'hint', weekday, written }, end: pos + m[0].length };
};

const C_JA_MERIDIEM = sticky(
  String.raw`(午前|午後)\s*(\d{1,2})(?::(\d{2})(?!\d)|時(?!間)(?:(\d{1,2})分?|(半))?)`,
);
const C_COLON = sticky(String.raw`(\d{1,2}):(\d{2})(?!\d)(?:\s*([ap])\.?m\.?(?![a-z]))?`);
const C_JI = sticky(String.raw`(\d{1,2})時(?!間)(?:(\d{1,2})分?|(半))?`);
const C_AMPM = sticky(String.raw`(\d{1,2})\s*([ap])\.?m\.?(?![a-z])`);

const enMeridiem = (letter: string | undefined): Meridiem | undefined => {
  if (!letter) return undefined;
  return letter.toLowerCase() === 'a' ? 'am' : 'pm';
};

const jiMinute = (digits: string | undefined, half: string | undefined): number => (half ? 30 : num(digits));

/** One clock time at `pos`: `19:00`, `7:30pm`, `19時`, `19時30分`, `19時半`, `7pm`, `午後7時`. */
const readClock = (s: string, pos: number): Hit<Clock> | undefined => {
  const clock = (m: RegExpExecArray, value: Clock) => ({ value, end: pos + m[0].length });
  let m = matchAt(C_JA_MERIDIEM, s, pos);
  if (m) {
    const minute = m[3] !== undefined ? num(m[3]) : jiMinute(m[4], m[5]);
    const meridiem = m[1] === '午前' ? '午前' : '午後';
    return clock(m, { hour: num(m[2]), minute, meridiem, style: 'ja-meridiem' });
  }
  m = matchAt(C_COLON, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: num(m[2]), meridiem: enMeridiem(m[3]), style: 'colon' });
  m = matchAt(C_JI, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: jiMinute(m[2], m[3]), meridiem: undefined, style: 'ji' });
  m = matchAt(C_AMPM, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: 0, meridiem: enMeridiem(m[2]), style: 'ampm' });
  return undefined;
};

const R_SEP = sticky(RANGE_SEP);
const R_UNTIL = sticky(String.raw`\s*まで`);
const R_FROM = sticky(String.raw`\s*(?:から|[~〜])`);
const R_BARE_START = sticky(`(\\d{1,2})${RANGE_SEP}`);

/** After a start clock: `-20:30` / `〜20時半まで`, or a bare `から` / `〜` meaning "from". */
const readRangeEnd = (s: string, pos: number): Hit<Clock | undefined> => {
  const sep = matchAt(R_SEP, s, pos);
  const end = sep ? readClock(s, pos + sep[0].length) : undefined;
  if (end) {
    const until = matchAt(R_UNTIL, s, end.end);
    return { value: end.value, end: end.end + (until ? until[0].length : 0) };
  }
  const from = matchAt(R_FROM, s, pos);
  return { value: undefined, end: pos + (from ? from[0].length : 0) };
};

/** `19-20時`, `7-8pm`: a bare start hour takes its form from the end (never `19-20` or `19-20:30`). */
const readBareStartRange = (s: string, pos: number): Hit<Token> | undefined => {
  const m = matchAt(R_BARE_START, s, pos);
  const end = m ? readClock(s, pos + m[0].length) : undefined;
  if (!m || !end || (end.value.style === 'colon' && end.value.meridiem === undefined)) return undefined;
  const start: Clock = { hour: num(m[1]), minute: 0, meridiem: undefined, style: end.value.style };
  const until = matchAt(R_UNTIL, s, end.end);
  return { value: { kind: 'time', start, end: end.value }, end: end.end + (until ? until[0].length : 0) };
};

const readTime: Reader = (s, pos) => {
  const bare = readBareStartRange(s, pos);
  if (bare) return bare;
  const start = readClock(s, pos);
  if (!start) return undefined;
  const range = readRangeEnd(s, start.end);
  return { value: { kind: 'time', start: start.value, end: range.value }, end: range.end };
};

const L_HOURS = sticky(String.raw`(\d+(?:\.\d+)?)\s*${HOUR_UNIT}(?:\s*(半)|\s*(\d{1,3})\s*${MINUTE_UNIT})?`);
const L_MINUTES = sticky(String.raw`(\d+)\s*${MINUTE_UNIT}`);
const L_PLAN = sticky(PLAN_WORDS);
const L_BARE = sticky(String.raw`(\d+)(?![\d.:/])`);

const lengthHit = (m: RegExpExecArray, pos: number, minutes: number, bare = false): Hit<Token> => ({
  value: { kind: 'length', minutes, bare },
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

/** Order matters: patterns and dates before times, times before lengths (`19時` vs `1時間`). */
const READERS: Reader[] = [readPattern, readDate, readTime, readHint, readLength];

const WHITESPACE = /\s+/y;

/** The tokens of one normalised entry, in written order; `entry` (as typed) names it in the error. */
export const tokenize = (normalized: string, entry: string): Token[] => {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    const space = matchAt(WHITESPACE, normalized, pos);
    if (space) pos += space[0].length;
    if (pos >= normalized.length) return tokens;
    const hit = READERS.reduce<Hit<Token> | undefined>(
      (found, read) => found ?? read(normalized, pos),
      undefined,
    );
    if (!hit || hit.end <= pos) throw unrecognized(entry);
    tokens.push(hit.value);
    pos = hit.end;
  }
};
