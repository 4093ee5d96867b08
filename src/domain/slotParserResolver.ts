/**
 * Resolver for one tokenised `/slots add` entry: checks its structure (each piece at most once), turns the
 * date or weekly pattern, time and length into instants in the zone relative to `now` and the edited month,
 * and validates them (real date, weekday hint, clock range, am/pm, length bounds, past, DST gaps), throwing
 * a coded DomainError (`slot_*`) naming the entry.
 */
import { DateTime } from 'luxon';
import { daysInMonth, holidayName, isoWeekday, toUtcIso, WEEKDAY_JA } from './calendar.js';
import { DomainError } from './errors.js';
import { DEFAULT_MINUTES } from './plans.js';
import {
  type Clock,
  type DateToken,
  type HintToken,
  type LengthToken,
  num,
  type PatternToken,
  type TimeToken,
  type Token,
  unrecognized,
} from './slotParserTokenizer.js';
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

export const MIN_SLOT_MINUTES = 15;
export const MAX_SLOT_MINUTES = 240;

/** What an entry is resolved against: `now` in the zone, and the edited month `YYYY-MM`. */
export interface ResolveContext {
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
const resolveDate = (d: DateToken, ctx: ResolveContext, entry: string): LocalDate => {
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
const localInstant = (date: LocalDate, minuteOfDay: number, ctx: ResolveContext, entry: string): DateTime => {
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

const buildSlot = (date: LocalDate, time: TimeSpec, ctx: ResolveContext, entry: string): ParsedSlot => {
  const start = localInstant(date, time.startMinute, ctx, entry);
  const minutes =
    time.endMinute === undefined
      ? time.minutes
      : Math.round(localInstant(date, time.endMinute, ctx, entry).diff(start, 'minutes').minutes);
  const localDate = isoDate(date);
  return { entry, startUtc: toUtcIso(start), minutes, localDate, holiday: holidayName(localDate) };
};

const isFuture = (slot: ParsedSlot, ctx: ResolveContext): boolean =>
  Date.parse(slot.startUtc) > ctx.now.toMillis();

const expandPattern = (
  weekdays: number[],
  time: TimeSpec,
  ctx: ResolveContext,
  entry: string,
): ParsedSlot[] => {
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

/** The slots of one entry from its tokens: one for a date, every future matching day for a pattern. */
export const resolveEntry = (tokens: Token[], entry: string, ctx: ResolveContext): ParsedSlot[] => {
  const spec = structure(tokens, entry);
  if (spec.pattern) return expandPattern(spec.pattern.weekdays, resolveTime(spec, entry), ctx, entry);
  if (!spec.date) throw new DomainError('slot_date_missing', { entry });
  const date = resolveDate(spec.date, ctx, entry);
  checkHint(date, spec.hint, entry);
  const slot = buildSlot(date, resolveTime(spec, entry), ctx, entry);
  if (!isFuture(slot, ctx)) throw new DomainError('slot_in_past', { entry });
  return [slot];
};
