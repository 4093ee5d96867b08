/**
 * Parser for the entries of `/slots add` (pure: `now`, zone and month are arguments).
 *
 * Entries are split on newline, `,`, `、`, `，`; each entry is NFKC-normalised and tokenised with explicit
 * regexes into one date or weekly pattern, one start time or time range and an optional length, in any
 * order, spaces optional (`12月3日19時`). Anything left over is `slot_unrecognized`; nothing is guessed.
 *   date:    12/3, 2026-12-03, 2026/12/3, 12月3日, 2026年12月3日, Dec 3, 3日 (+ hint (水) （木） (Wed) 水曜)
 *   pattern: 毎週火曜(日), 毎週火・木, 毎週火木, every tue, every tue/thu, every tue & thu, 平日, weekdays,
 *            土日, 週末, weekends, 毎日, every day (a `,` would split the entry, so no `every tue,thu`)
 *   time:    19:00, 9:30, 19時, 19時30分, 19時半, 7pm, 7:30pm, 午後7時, 午前10時; range with - ~ 〜 から
 *   length:  90, 90分, 45min, 45m, 1h, 1.5h, 1時間, 1時間半, ライト/light, 初回/first, 継続/followup
 * Problems throw a coded DomainError (`slot_*`) naming the entry.
 */
import { DateTime } from 'luxon';
import { daysInMonth, holidayName, isoWeekday, monthOf, toUtcIso, WEEKDAY_JA } from './calendar.js';
import { DomainError } from './errors.js';
import { DEFAULT_MINUTES, PLAN_MINUTES, planFromWord } from './plans.js';
import { assertNoOverlapWithin } from './slots.js';
import { zoneOf } from './zone.js';

export interface ParsedSlot {
  /** The user's entry text, trimmed, as typed (a weekly pattern's slots share it). */
  entry: string;
  startUtc: string;
  minutes: number;
  /** `YYYY-MM-DD` in the zone. */
  localDate: string;
  /** Japanese public holiday name on that local date, if any. */
  holiday: string | undefined;
}

export interface SlotParseOptions {
  now: Date;
  zone: string;
  /** `YYYY-MM`: the month being edited (for `3日` and weekly patterns); defaults to the month of `now`. */
  month?: string;
}

export const MIN_SLOT_MINUTES = 15;
export const MAX_SLOT_MINUTES = 240;
export const MAX_SLOTS_PER_COMMAND = 200;

type Meridiem = 'am' | 'pm' | '午前' | '午後';
type ClockStyle = 'colon' | 'ji' | 'ampm' | 'ja-meridiem';

interface Clock {
  hour: number;
  minute: number;
  meridiem: Meridiem | undefined;
  style: ClockStyle;
}

interface DateToken {
  kind: 'date';
  year: number | undefined;
  month: number | undefined;
  day: number;
}

interface HintToken {
  kind: 'hint';
  weekday: number;
  written: string;
}

interface PatternToken {
  kind: 'pattern';
  weekdays: number[];
}

interface TimeToken {
  kind: 'time';
  start: Clock;
  end: Clock | undefined;
}

interface LengthToken {
  kind: 'length';
  minutes: number;
  /** A bare number such as `90`: a length, but worth a hint when the time is missing. */
  bare: boolean;
}

type Token = DateToken | HintToken | PatternToken | TimeToken | LengthToken;

interface Hit<T> {
  value: T;
  end: number;
}

interface Context {
  now: DateTime;
  zone: string;
  month: string;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

const JA_WEEKDAYS = '月火水木金土日';
const JA_WD = `[${JA_WEEKDAYS}]`;
const EN_WD =
  '(?:monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|' +
  'sunday|sun)s?(?![a-z])';
const EN_WD_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const EN_MONTHS =
  '(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|' +
  'september|sept|sep|october|oct|november|nov|december|dec)(?![a-z])';
const EN_MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RANGE_SEP = String.raw`\s*(?:[-~〜–—―ー−‐]|から)\s*`;
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKENDS = [6, 7];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const jaWeekday = (ch: string): number => JA_WEEKDAYS.indexOf(ch) + 1;
const enWeekday = (word: string): number => EN_WD_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

const sticky = (source: string): RegExp => new RegExp(source, 'iy');

const matchAt = (re: RegExp, s: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos;
  return re.exec(s);
};

const num = (s: string | undefined): number => Number(s ?? '0');

const unrecognized = (entry: string): DomainError => new DomainError('slot_unrecognized', { entry });

// ---------------------------------------------------------------------------------------------------------
// Tokenisers: each tries to read one token at `pos` and returns it with the position after it.

type Reader = (s: string, pos: number) => Hit<Token> | undefined;

const JA_ONE = `${JA_WD}(?:曜日?)?`;
const P_JA_GROUP = sticky('(?:毎週\\s*)?(平日|週末|土日)|(毎週末|毎日)');
const P_JA_LIST = sticky(`毎週\\s*(${JA_ONE}(?:\\s*[・/&と]?\\s*${JA_ONE})*)`);
const P_EN_LIST = sticky(`every\\s+(${EN_WD}(?:\\s*(?:/|&|\\+|and(?![a-z]))\\s*${EN_WD})*)`);
const P_EN_GROUP = sticky('(?:every\\s+)?(weekday|weekend)s?(?![a-z])|(every\\s*day|daily)(?![a-z])');

/** `平日`/`weekday(s)` → Mon–Fri, `毎日`/`every day`/`daily` → all days, otherwise (土日, 週末…) Sat–Sun. */
const groupWeekdays = (word: string): number[] => {
  if (word === '平日' || word === 'weekday') return WEEKDAYS;
  if (/^(?:毎日|every\s*day|daily)$/.test(word)) return EVERY_DAY;
  return WEEKENDS;
};

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
    hit(matchAt(D_EN, s, pos), (m) =>
      dateToken(undefined, EN_MONTH_KEYS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1, num(m[2])),
    ) ??
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

const L_HOURS = sticky(
  String.raw`(\d+(?:\.\d+)?)\s*(?:時間|hours?|hrs?|h)(?![a-z])` +
    String.raw`(?:\s*(半)|\s*(\d{1,3})\s*(?:分間?|minutes?|mins?|m)(?![a-z]))?`,
);
const L_MINUTES = sticky(String.raw`(\d+)\s*(?:分間?|minutes?|mins?|m)(?![a-z])`);
const L_PLAN = sticky('(ライト|初回|継続|light|first|follow-?up)(?![a-z])');
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

const tokenize = (normalized: string, entry: string): Token[] => {
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

// ---------------------------------------------------------------------------------------------------------
// Entry structure: which pieces an entry has, each at most once.

interface EntrySpec {
  date: DateToken | undefined;
  hint: HintToken | undefined;
  pattern: PatternToken | undefined;
  time: TimeToken | undefined;
  length: LengthToken | undefined;
}

const structure = (tokens: Token[], entry: string): EntrySpec => {
  const spec: EntrySpec = {
    date: undefined,
    hint: undefined,
    pattern: undefined,
    time: undefined,
    length: undefined,
  };
  tokens.forEach((token, i) => {
    const taken =
      token.kind === 'date' || token.kind === 'pattern' ? (spec.date ?? spec.pattern) : spec[token.kind];
    const misplacedHint = token.kind === 'hint' && tokens[i - 1]?.kind !== 'date';
    if (taken || misplacedHint) throw unrecognized(entry);
    if (token.kind === 'date') spec.date = token;
    else if (token.kind === 'hint') spec.hint = token;
    else if (token.kind === 'pattern') spec.pattern = token;
    else if (token.kind === 'time') spec.time = token;
    else spec.length = token;
  });
  if (spec.time?.end && spec.length) throw unrecognized(entry);
  return spec;
};

// ---------------------------------------------------------------------------------------------------------
// Dates

const isRealDate = (d: LocalDate): boolean =>
  d.month >= 1 && d.month <= 12 && DateTime.fromObject(d, { zone: 'utc' }).isValid;

const isoDate = (d: LocalDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

const compareDates = (a: LocalDate, b: LocalDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

const monthParts = (month: string): { year: number; month: number } => {
  const [y, m] = month.split('-');
  return { year: num(y), month: num(m) };
};

/** Full dates as written; `M/D` is its next occurrence (today counts); `D日` is in the edited month. */
const resolveDate = (d: DateToken, ctx: Context, entry: string): LocalDate => {
  const today: LocalDate = { year: ctx.now.year, month: ctx.now.month, day: ctx.now.day };
  let date: LocalDate;
  if (d.year !== undefined && d.month !== undefined) date = { year: d.year, month: d.month, day: d.day };
  else if (d.month !== undefined) {
    const thisYear = { year: today.year, month: d.month, day: d.day };
    date = compareDates(thisYear, today) < 0 ? { ...thisYear, year: today.year + 1 } : thisYear;
  } else date = { ...monthParts(ctx.month), day: d.day };
  if (!isRealDate(date)) throw new DomainError('slot_date_invalid', { entry });
  if (d.month === undefined && compareDates(date, today) < 0)
    throw new DomainError('slot_in_past', { entry });
  return date;
};

const checkHint = (date: LocalDate, hint: HintToken | undefined, entry: string): void => {
  const actual = isoWeekday(isoDate(date));
  if (!hint || hint.weekday === actual) return;
  throw new DomainError('slot_weekday_mismatch', {
    entry,
    date: `${date.month}/${date.day}`,
    actual: WEEKDAY_JA[actual] ?? '',
    written: hint.written,
  });
};

// ---------------------------------------------------------------------------------------------------------
// Times and lengths (minutes since local midnight)

type ClockValue = number | 'invalid' | 'ambiguous';

/** 24-hour unless marked; `12am` = 0:00, `12pm` = 12:00; `午前12時` / `午後12時` are ambiguous. */
const clockMinutes = (c: Clock, isEnd: boolean): ClockValue => {
  if (c.minute > 59) return 'invalid';
  if (c.meridiem === undefined) {
    if (isEnd && c.hour === 24 && c.minute === 0) return 24 * 60;
    return c.hour <= 23 ? c.hour * 60 + c.minute : 'invalid';
  }
  if (c.meridiem === 'am' || c.meridiem === 'pm') {
    if (c.hour < 1 || c.hour > 12) return 'invalid';
    return ((c.hour % 12) + (c.meridiem === 'pm' ? 12 : 0)) * 60 + c.minute;
  }
  if (c.hour > 12) return 'invalid';
  if (c.hour === 12) return 'ambiguous';
  return (c.hour + (c.meridiem === '午後' ? 12 : 0)) * 60 + c.minute;
};

const clockOrThrow = (c: Clock, isEnd: boolean, entry: string): number => {
  const v = clockMinutes(c, isEnd);
  if (v === 'invalid') throw new DomainError('slot_time_invalid', { entry });
  if (v === 'ambiguous') throw new DomainError('slot_time_ambiguous', { entry });
  return v;
};

/** `7:00-8:30pm`, `午後7時〜8時`: the unmarked side takes the other's am/pm when that gives start < end. */
const shareMeridiem = (start: Clock, end: Clock): [Clock, Clock] => {
  const meridiem = start.meridiem ?? end.meridiem;
  if (!meridiem || (start.meridiem && end.meridiem)) return [start, end];
  const s = clockMinutes({ ...start, meridiem }, false);
  const e = clockMinutes({ ...end, meridiem }, true);
  return typeof s === 'number' && typeof e === 'number' && s < e
    ? [
        { ...start, meridiem },
        { ...end, meridiem },
      ]
    : [start, end];
};

interface TimeSpec {
  startMinute: number;
  endMinute: number | undefined;
  minutes: number;
}

const missingTime = (spec: EntrySpec, entry: string): DomainError => {
  const bare = spec.length?.bare ? spec.length.minutes : undefined;
  const code = bare !== undefined && bare >= 1 && bare <= 12 ? 'slot_time_ambiguous' : 'slot_time_missing';
  return new DomainError(code, { entry });
};

const resolveTime = (spec: EntrySpec, entry: string): TimeSpec => {
  if (!spec.time) throw missingTime(spec, entry);
  const [start, end] = spec.time.end ? shareMeridiem(spec.time.start, spec.time.end) : [spec.time.start];
  const startMinute = clockOrThrow(start, false, entry);
  const endMinute = end ? clockOrThrow(end, true, entry) : undefined;
  if (endMinute !== undefined && endMinute <= startMinute) {
    throw new DomainError('slot_end_before_start', { entry });
  }
  const minutes =
    endMinute !== undefined ? endMinute - startMinute : (spec.length?.minutes ?? DEFAULT_MINUTES);
  if (minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) {
    throw new DomainError('slot_length_out_of_range', { entry, minutes });
  }
  return { startMinute, endMinute, minutes };
};

// ---------------------------------------------------------------------------------------------------------
// Building slots

/** Local wall time → instant; a wall time skipped by a DST change is `slot_time_invalid`. */
const localInstant = (date: LocalDate, minuteOfDay: number, ctx: Context, entry: string): DateTime => {
  const day = DateTime.fromObject(date, { zone: zoneOf(ctx.zone) }).plus({
    days: Math.floor(minuteOfDay / 1440),
  });
  const hour = Math.floor((minuteOfDay % 1440) / 60);
  const minute = minuteOfDay % 60;
  const dt = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (!dt.isValid || dt.hour !== hour || dt.minute !== minute) {
    throw new DomainError('slot_time_invalid', { entry });
  }
  return dt;
};

const buildSlot = (date: LocalDate, time: TimeSpec, ctx: Context, entry: string): ParsedSlot => {
  const start = localInstant(date, time.startMinute, ctx, entry);
  const minutes =
    time.endMinute === undefined
      ? time.minutes
      : Math.round(localInstant(date, time.endMinute, ctx, entry).diff(start, 'minutes').minutes);
  const localDate = isoDate(date);
  return { entry, startUtc: toUtcIso(start), minutes, localDate, holiday: holidayName(localDate) };
};

const isFuture = (slot: ParsedSlot, ctx: Context): boolean => Date.parse(slot.startUtc) > ctx.now.toMillis();

const expandPattern = (weekdays: number[], time: TimeSpec, ctx: Context, entry: string): ParsedSlot[] => {
  const { year, month } = monthParts(ctx.month);
  const slots: ParsedSlot[] = [];
  for (let day = 1; day <= daysInMonth(ctx.month); day += 1) {
    const date = { year, month, day };
    if (!weekdays.includes(isoWeekday(isoDate(date)))) continue;
    const slot = buildSlot(date, time, ctx, entry);
    if (isFuture(slot, ctx)) slots.push(slot);
  }
  if (slots.length === 0) throw new DomainError('slot_pattern_empty', { entry });
  return slots;
};

const parseEntry = (entry: string, ctx: Context): ParsedSlot[] => {
  const spec = structure(tokenize(entry.normalize('NFKC'), entry), entry);
  if (spec.pattern) return expandPattern(spec.pattern.weekdays, resolveTime(spec, entry), ctx, entry);
  if (!spec.date) throw new DomainError('slot_date_missing', { entry });
  const date = resolveDate(spec.date, ctx, entry);
  checkHint(date, spec.hint, entry);
  const slot = buildSlot(date, resolveTime(spec, entry), ctx, entry);
  if (!isFuture(slot, ctx)) throw new DomainError('slot_in_past', { entry });
  return [slot];
};

/** The entries of one command: split on newline, `,`, `、`, `，`; trimmed; empty ones dropped. */
export const splitEntries = (text: string): string[] =>
  text
    .split(/[\n\r,、，]/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);

/**
 * Parses every entry of `/slots add`, expanding weekly patterns, and returns the slots sorted by start.
 * Throws a DomainError (`slot_*`) for the first problem; nothing is returned partially.
 */
export const parseSlotEntries = (text: string, opts: SlotParseOptions): ParsedSlot[] => {
  const entries = splitEntries(text);
  if (entries.length === 0) throw new DomainError('slot_empty', {});
  if (opts.month !== undefined && !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(opts.month)) {
    throw new Error(`invalid month: ${opts.month}`);
  }
  const now = DateTime.fromJSDate(opts.now).setZone(zoneOf(opts.zone));
  if (!now.isValid) throw new Error(`invalid zone or now: ${opts.zone}`);
  const ctx: Context = { now, zone: opts.zone, month: opts.month ?? monthOf(opts.now, opts.zone) };
  const slots = entries.flatMap((entry) => parseEntry(entry, ctx));
  if (slots.length > MAX_SLOTS_PER_COMMAND) {
    throw new DomainError('slot_too_many', { count: slots.length, max: MAX_SLOTS_PER_COMMAND });
  }
  slots.sort((a, b) => (a.startUtc < b.startUtc ? -1 : a.startUtc > b.startUtc ? 1 : 0));
  assertNoOverlapWithin(slots);
  return slots;
};
