/**
 * Resolver for one tokenised `/slots add` entry: checks its structure (one day or pattern, one time, one
 * weekday; lengths that agree), turns the pieces into instants in the zone relative to `now` and the edited
 * month (days: `slotParserDays.ts`, times: `slotParserTime.ts`) and validates them (real date, weekday
 * hint, past, DST gaps), throwing a coded DomainError (`slot_*`) naming the entry and, where there is one,
 * quoting the token it is about.
 */
import { DateTime } from 'luxon';
import { daysInMonth, holidayName, isoWeekday, toUtcIso, WEEKDAY_JA } from './calendar.js';
import { DomainError } from './errors.js';
import {
  addDays,
  type DayContext,
  isoDate,
  type LocalDate,
  monthParts,
  nthWeekday,
  resolveDate,
  resolveNth,
  resolveRelative,
  resolveWeekday,
} from './slotParserDays.js';
import { resolveTime, type TimeSpec } from './slotParserTime.js';
import type {
  LengthToken,
  NthToken,
  PatternToken,
  TimeToken,
  Token,
  WeekdayToken,
} from './slotParserTokens.js';
import { zoneOf } from './zone.js';

export { MAX_SLOT_MINUTES, MIN_SLOT_MINUTES } from './slotParserTime.js';

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

/** What an entry is resolved against: `now` in the zone, and the edited month `YYYY-MM`. */
export interface ResolveContext {
  now: DateTime;
  zone: string;
  month: string;
}

// ---------------------------------------------------------------------------------------------------------
// Entry structure

type DayToken = Extract<Token, { kind: 'date' | 'relative' | 'nth' | 'pattern' }>;

interface EntrySpec {
  day: DayToken | undefined;
  weekday: WeekdayToken | undefined;
  time: TimeToken | undefined;
  lengths: LengthToken[];
}

const twice = (entry: string, token: Token, what: 'date' | 'time' | 'weekday'): DomainError =>
  new DomainError('slot_duplicate', { entry, token: token.text, what });

const structure = (tokens: Token[], entry: string): EntrySpec => {
  const spec: EntrySpec = { day: undefined, weekday: undefined, time: undefined, lengths: [] };
  for (const token of tokens) {
    if (token.kind === 'length') spec.lengths.push(token);
    else if (token.kind === 'time') {
      if (spec.time) throw twice(entry, token, 'time');
      spec.time = token;
    } else if (token.kind === 'weekday') {
      if (spec.weekday) throw twice(entry, token, 'weekday');
      spec.weekday = token;
    } else {
      if (spec.day) throw twice(entry, token, 'date');
      spec.day = token;
    }
  }
  // A weekly pattern names its own weekdays: `毎週火曜 20:00 (火)` is one word too many.
  const isPattern = spec.day?.kind === 'pattern' || (spec.day?.kind === 'nth' && isNthPattern(spec.day));
  if (isPattern && spec.weekday)
    throw new DomainError('slot_unrecognized', { entry, token: spec.weekday.text });
  return spec;
};

const isNthPattern = (t: NthToken): boolean => t.monthly || t.nths.length > 1;

// ---------------------------------------------------------------------------------------------------------
// Building slots

/** Local wall time → instant; a wall time skipped by a DST change is `slot_time_invalid`. */
const localInstant = (date: LocalDate, minuteOfDay: number, ctx: ResolveContext, entry: string): DateTime => {
  const day = addDays(date, Math.floor(minuteOfDay / 1440));
  const hour = Math.floor((minuteOfDay % 1440) / 60);
  const minute = minuteOfDay % 60;
  const dt = DateTime.fromObject({ ...day, hour, minute }, { zone: zoneOf(ctx.zone) });
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

/** Every future day of the edited month that `matches`, or `slot_pattern_empty`. */
const expand = (
  matches: (date: LocalDate) => boolean,
  time: TimeSpec,
  ctx: ResolveContext,
  entry: string,
): ParsedSlot[] => {
  const { year, month } = monthParts(ctx.month);
  const slots: ParsedSlot[] = [];
  for (let day = 1; day <= daysInMonth(ctx.month); day += 1) {
    const date = { year, month, day };
    if (!matches(date)) continue;
    const slot = buildSlot(date, time, ctx, entry);
    if (isFuture(slot, ctx)) slots.push(slot);
  }
  if (slots.length === 0) throw new DomainError('slot_pattern_empty', { entry });
  return slots;
};

const patternDays = (token: PatternToken | NthToken, month: string): ((date: LocalDate) => boolean) => {
  if (token.kind === 'pattern') return (date) => token.weekdays.includes(isoWeekday(isoDate(date)));
  const days = new Set(
    token.nths.map((n) => nthWeekday(month, n, token.weekday)).flatMap((d) => (d ? [isoDate(d)] : [])),
  );
  return (date) => days.has(isoDate(date));
};

const checkHint = (date: LocalDate, hint: WeekdayToken | undefined, entry: string): void => {
  const actual = isoWeekday(isoDate(date));
  if (!hint || hint.weekday === actual) return;
  throw new DomainError('slot_weekday_mismatch', {
    entry,
    token: hint.text,
    date: `${date.month}/${date.day}`,
    actual: WEEKDAY_JA[actual] ?? '',
    written: WEEKDAY_JA[hint.weekday] ?? hint.text,
  });
};

/** The day of a single-day entry, and whether it may move a week on when its time passed (a bare weekday). */
const singleDay = (spec: EntrySpec, days: DayContext, entry: string): { date: LocalDate; rolls: boolean } => {
  const { day, weekday } = spec;
  if (day?.kind === 'date') return { date: resolveDate(day, days, entry), rolls: false };
  if (day?.kind === 'relative') return { date: resolveRelative(day, days), rolls: false };
  if (day?.kind === 'nth') return { date: resolveNth(day, days, entry), rolls: false };
  if (weekday) return { date: resolveWeekday(weekday, days), rolls: weekday.week === 'bare' };
  throw new DomainError('slot_date_missing', { entry });
};

/** The slots of one entry from its tokens: one for a day, every future matching day for a pattern. */
export const resolveEntry = (tokens: Token[], entry: string, ctx: ResolveContext): ParsedSlot[] => {
  const spec = structure(tokens, entry);
  const evening = spec.day?.kind === 'relative' && spec.day.evening;
  const time = () => resolveTime({ time: spec.time, lengths: spec.lengths, evening }, entry);
  const { day } = spec;
  if (day?.kind === 'pattern' || (day?.kind === 'nth' && isNthPattern(day))) {
    return expand(patternDays(day, ctx.month), time(), ctx, entry);
  }
  const days: DayContext = {
    today: { year: ctx.now.year, month: ctx.now.month, day: ctx.now.day },
    month: ctx.month,
  };
  const { date, rolls } = singleDay(spec, days, entry);
  if (day) checkHint(date, spec.weekday, entry);
  const spans = time();
  const slot = buildSlot(date, spans, ctx, entry);
  if (isFuture(slot, ctx)) return [slot];
  if (rolls) return [buildSlot(addDays(date, 7), spans, ctx, entry)];
  throw new DomainError('slot_in_past', { entry });
};
