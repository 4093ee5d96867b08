/** The monthly quota: how many offered slots count, what is missing, and who is excused. Pure. */
export type MonthStanding = {
  month: string;
  /** Slots offered that month (open or booked). */
  count: number;
  quota: number;
  away: boolean;
  exempt: boolean;
};

export const missingSlots = (s: MonthStanding): number => Math.max(0, s.quota - s.count);

/**
 * Below quota and not excused: the people reminders and the digest are about. The digest asks the database
 * the same question (src/db/repositories/standings.ts); test/db/standings.property.test.ts keeps the two in step.
 */
export const isBelowQuota = (s: MonthStanding): boolean => !s.away && !s.exempt && s.count < s.quota;

/** `■■■□□` — a progress bar of `width` cells (one per slot up to the quota, capped). */
export const progressBar = (count: number, quota: number, width = Math.min(quota, 10)): string => {
  if (quota <= 0) return '';
  const filled = Math.min(width, Math.round((Math.min(count, quota) / quota) * width));
  return '■'.repeat(filled) + '□'.repeat(width - filled);
};
