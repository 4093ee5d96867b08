/**
 * Which month a quota reminder (or the digest) is about: the current month before the 20th, the next
 * month from the 20th on (local date in `zone`), so reminders late in a month push to fill the next one.
 * Pure: `now` and the zone are arguments.
 */
import { DateTime } from 'luxon';
import { zoneOf } from './zone.js';

export const TARGET_MONTH_SWITCH_DAY = 20;

export const targetMonth = (now: Date, zone: string): string => {
  const local = DateTime.fromJSDate(now, { zone: zoneOf(zone) });
  if (!local.isValid) throw new Error(`invalid instant or time zone: ${zone}`);
  const month = local.day >= TARGET_MONTH_SWITCH_DAY ? local.startOf('month').plus({ months: 1 }) : local;
  return month.toFormat('yyyy-MM');
};
