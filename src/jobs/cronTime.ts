/**
 * Cron occurrences as instants, for the scheduler's catch-up and for naming a tick's occurrence.
 * Pure: the expression is parsed by node-cron's own parser (`cron.parse`) and matched with the same rules
 * node-cron fires by (day-of-month AND day-of-week; L, nW, L-n, nL, n#k tokens), on real instants seen
 * from `zone`. So a local time skipped by a DST change never occurs, and one repeated occurs twice,
 * exactly as node-cron would fire it. Occurrences are minute-granular (a seconds field is ignored).
 */
import { DateTime } from 'luxon';
import cron from 'node-cron';
import { zoneOf } from '../domain/zone.js';

const MINUTE_MS = 60_000;
/** How far the search looks; a cron that fires less often than this has no occurrence within it. */
export const DEFAULT_SEARCH_DAYS = 400;

type Fields = ReturnType<typeof cron.parse>;
type Direction = 1 | -1;

/** The latest occurrence at or before `now` (its minute included), or undefined within the bound. */
export const previousOccurrence = (
  expr: string,
  zone: string,
  now: Date,
  searchDays = DEFAULT_SEARCH_DAYS,
): Date | undefined => walk(cron.parse(expr), zone, floorToMinute(now.getTime()), -1, searchDays);

/** The earliest occurrence strictly after `after`, or undefined within the bound. */
export const nextOccurrence = (
  expr: string,
  zone: string,
  after: Date,
  searchDays = DEFAULT_SEARCH_DAYS,
): Date | undefined =>
  walk(cron.parse(expr), zone, floorToMinute(after.getTime()) + MINUTE_MS, 1, searchDays);

export const floorToMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** Steps minute by minute from `start`, jumping over whole hours and days that cannot match. */
const walk = (f: Fields, zone: string, start: number, dir: Direction, searchDays: number) => {
  const limit = start + dir * searchDays * 24 * 60 * MINUTE_MS;
  let t = start;
  while (dir > 0 ? t <= limit : t >= limit) {
    const local = DateTime.fromMillis(t, { zone: zoneOf(zone) });
    if (!local.isValid) throw new Error(`invalid time zone: ${zone}`);
    if (!dayMatches(f, local)) {
      const midnight = local.startOf('day');
      t = dir > 0 ? midnight.plus({ days: 1 }).toMillis() : midnight.toMillis() - MINUTE_MS;
    } else if (!f.hour.includes(local.hour)) {
      const hourStart = t - local.minute * MINUTE_MS;
      t = dir > 0 ? hourStart + 60 * MINUTE_MS : hourStart - MINUTE_MS;
    } else if (f.minute.includes(local.minute)) {
      return new Date(t);
    } else {
      t += dir * MINUTE_MS;
    }
  }
  return undefined;
};

const dayMatches = (f: Fields, d: DateTime): boolean =>
  f.month.includes(d.month) &&
  f.dayOfMonth.some((token) => dayOfMonthMatches(token, d)) &&
  f.dayOfWeek.some((token) => dayOfWeekMatches(token, d));

const dayOfMonthMatches = (token: number | string, d: DateTime): boolean => {
  if (typeof token === 'number') return token === d.day;
  const last = d.daysInMonth ?? 31;
  if (token === 'L') return d.day === last;
  const offset = /^L-(\d{1,2})$/.exec(token);
  if (offset) return d.day === last - Number(offset[1]);
  const weekday = /^(\d{1,2}|L)W$/.exec(token);
  if (weekday) return d.day === nearestWeekday(d, weekday[1] === 'L' ? last : Number(weekday[1]));
  return false;
};

/** The weekday nearest to `target` within its month (Quartz `W`): Sat → Fri, Sun → Mon. */
const nearestWeekday = (d: DateTime, target: number): number => {
  const last = d.daysInMonth ?? 31;
  if (target < 1 || target > last) return -1;
  const cronDay = d.set({ day: target }).weekday % 7;
  if (cronDay === 6) return target === 1 ? target + 2 : target - 1;
  if (cronDay === 0) return target === last ? target - 2 : target + 1;
  return target;
};

const dayOfWeekMatches = (token: number | string, d: DateTime): boolean => {
  const cronDay = d.weekday % 7; // cron: 0 = Sunday … 6 = Saturday; luxon: 1 = Monday … 7 = Sunday
  if (typeof token === 'number') return token === cronDay;
  const lastOf = /^([0-7])L$/i.exec(token);
  if (lastOf) return Number(lastOf[1]) % 7 === cronDay && d.day + 7 > (d.daysInMonth ?? 31);
  const nth = /^([0-7])#([1-5])$/.exec(token);
  if (nth) return Number(nth[1]) % 7 === cronDay && Math.floor((d.day - 1) / 7) + 1 === Number(nth[2]);
  return false;
};
