/**
 * Dates of one `/slots add` entry, as local calendar days in the app's zone, relative to today there:
 *
 * - a full date (`2026-12-03`, `2026年12月3日`, `令和8年12月3日`) is that day;
 * - `M/D` without a year is this year's when it is today or ahead; when it passed less than
 *   `RECENT_PAST_DAYS` days ago it is `slot_recent_past` (a typo or a stale paste far more often than next
 *   year — the message shows how to write next year's); older ones are next year's (`1/5` in December);
 * - `D日` and `第N曜` are in the edited month;
 * - `今日`/`明日`/`明後日` count days from today;
 * - weekdays use Monday-based weeks, as Japanese calendars do: `今週X曜` is X in the week (Mon–Sun) holding
 *   today, `来週X曜` in the week after it, `再来週X曜` the week after that — so on Sunday 12/6 `来週火曜` is
 *   12/8, and on Monday 12/7 it is 12/15. `次の火曜`/`next tue` is the first Tuesday after today. A bare
 *   `火曜` is the next Tuesday counting today, and next week's when today's time has already passed.
 */
import { DateTime } from 'luxon';
import { isoWeekday } from './calendar.js';
import { DomainError } from './errors.js';
import type { DateToken, NthToken, RelativeToken, WeekdayToken } from './slotParserTokens.js';

export const RECENT_PAST_DAYS = 60;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export const isRealDate = (d: LocalDate): boolean =>
  d.month >= 1 && d.month <= 12 && DateTime.fromObject(d, { zone: 'utc' }).isValid;

export const isoDate = (d: LocalDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

const compareDates = (a: LocalDate, b: LocalDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

const fromDt = (dt: DateTime): LocalDate => ({ year: dt.year, month: dt.month, day: dt.day });
const toDt = (d: LocalDate): DateTime => DateTime.fromObject(d, { zone: 'utc' });
export const addDays = (d: LocalDate, days: number): LocalDate => fromDt(toDt(d).plus({ days }));

export const monthParts = (month: string): { year: number; month: number } => {
  const [y, m] = month.split('-');
  return { year: Number(y), month: Number(m) };
};

/** What days are resolved against: today in the zone and the edited month `YYYY-MM`. */
export interface DayContext {
  today: LocalDate;
  month: string;
}

const invalidDate = (d: DateToken, entry: string) =>
  new DomainError('slot_date_invalid', { entry, token: d.text });

/**
 * `M/D` without a year: this year's when it is today or ahead; when this year's passed less than
 * `RECENT_PAST_DAYS` ago, `slot_recent_past` naming next year's to write with its year (`12/1` on 12/2);
 * older ones are next year's (`1/5` in December). Only this year's date counts as "passed": on 1/5 `12/28`
 * is this December, as the list reply (which shows a year only for another year) writes it.
 */
const resolveMonthDay = (d: DateToken & { month: number }, today: LocalDate, entry: string): LocalDate => {
  const date = { year: today.year, month: d.month, day: d.day };
  const next = { ...date, year: today.year + 1 };
  if (isRealDate(date)) {
    if (compareDates(date, today) >= 0) return date;
    const ago = Math.round(toDt(today).diff(toDt(date), 'days').days);
    if (ago < RECENT_PAST_DAYS) {
      throw new DomainError('slot_recent_past', {
        entry,
        token: d.text,
        days: ago,
        nextYear: `${next.year}/${next.month}/${next.day}`,
      });
    }
  }
  if (!isRealDate(next)) throw invalidDate(d, entry);
  return next;
};

export const resolveDate = (d: DateToken, ctx: DayContext, entry: string): LocalDate => {
  if (d.year === undefined && d.month !== undefined)
    return resolveMonthDay({ ...d, month: d.month }, ctx.today, entry);
  const date =
    d.month !== undefined && d.year !== undefined
      ? { year: d.year, month: d.month, day: d.day }
      : { ...monthParts(ctx.month), day: d.day };
  if (!isRealDate(date)) throw invalidDate(d, entry);
  if (d.year === undefined && compareDates(date, ctx.today) < 0)
    throw new DomainError('slot_in_past', { entry });
  return date;
};

export const resolveRelative = (r: RelativeToken, ctx: DayContext): LocalDate => addDays(ctx.today, r.days);

/** The Monday of the week holding `d` (ISO weeks start on Monday). */
const mondayOf = (d: LocalDate): LocalDate => addDays(d, 1 - isoWeekday(isoDate(d)));

/** The day a weekday word names; a bare weekday's "next week if its time passed" is the resolver's. */
export const resolveWeekday = (w: WeekdayToken, ctx: DayContext): LocalDate => {
  const todayWd = isoWeekday(isoDate(ctx.today));
  if (w.week === 'bare') return addDays(ctx.today, (w.weekday - todayWd + 7) % 7);
  if (w.week === 'next') return addDays(ctx.today, ((w.weekday - todayWd + 6) % 7) + 1);
  const weeks = w.week === 'this' ? 0 : w.week === 'next-week' ? 1 : 2;
  return addDays(mondayOf(ctx.today), weeks * 7 + w.weekday - 1);
};

/** The `n`th `weekday` of `month` (`YYYY-MM`), or undefined when the month has no such day (a 5th). */
export const nthWeekday = (month: string, n: number, weekday: number): LocalDate | undefined => {
  const first = { ...monthParts(month), day: 1 };
  const offset = (weekday - isoWeekday(isoDate(first)) + 7) % 7;
  const date = addDays(first, offset + (n - 1) * 7);
  return date.month === first.month ? date : undefined;
};

/** `第2土曜` as one date of the edited month. */
export const resolveNth = (t: NthToken, ctx: DayContext, entry: string): LocalDate => {
  const date = nthWeekday(ctx.month, t.nths[0] ?? 1, t.weekday);
  if (!date) throw new DomainError('slot_date_invalid', { entry, token: t.text });
  if (compareDates(date, ctx.today) < 0) throw new DomainError('slot_in_past', { entry });
  return date;
};
