/**
 * Weekly patterns a supporter tends to offer (e.g. `毎週火曜 20:00`), from their past slots: the most
 * frequent weekday-and-time pairs, at most `limit`, most frequent first. Pure.
 */
import { DateTime } from 'luxon';
import { WEEKDAY_EN, WEEKDAY_JA } from './calendar.js';

export type WeeklyPattern = { weekday: number; time: string; count: number };

export const weeklyPatterns = (startsUtc: readonly string[], zone: string, limit = 3): WeeklyPattern[] => {
  const counts = new Map<string, WeeklyPattern>();
  for (const iso of startsUtc) {
    const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
    const key = `${local.weekday} ${local.toFormat('HH:mm')}`;
    const p = counts.get(key) ?? { weekday: local.weekday, time: local.toFormat('HH:mm'), count: 0 };
    p.count += 1;
    counts.set(key, p);
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.time.localeCompare(b.time))
    .slice(0, limit);
};

/** `毎週火曜 20:00` / `every tue 20:00`: the /slots grammar, so it can be pasted as is. */
export const patternText = (p: WeeklyPattern, locale: 'ja' | 'en'): string =>
  locale === 'ja'
    ? `毎週${WEEKDAY_JA[p.weekday]}曜 ${p.time}`
    : `every ${WEEKDAY_EN[p.weekday]!.toLowerCase()} ${p.time}`;
