/**
 * Slot rules that need no database: overlap between two slots, overlap inside one `/slots add` command
 * and which statuses count toward the monthly quota.
 */
import { DomainError } from './errors.js';

/** A slot's status (stored in slots.status): cancelled ones are kept, hidden, and never count. */
export type SlotStatus = 'open' | 'booked' | 'cancelled';

export interface TimeSpan {
  startUtc: string;
  minutes: number;
}

const spanMs = (s: TimeSpan): { start: number; end: number } => {
  const start = Date.parse(s.startUtc);
  return { start, end: start + s.minutes * 60_000 };
};

/** True when the two spans share any time; one ending exactly when the other starts is not an overlap. */
export const overlaps = (a: TimeSpan, b: TimeSpan): boolean => {
  const x = spanMs(a);
  const y = spanMs(b);
  return x.start < y.end && y.start < x.end;
};

/** Throws `slot_overlap_in_command` naming the later entry and the one it overlaps. */
export const assertNoOverlapWithin = (parsed: readonly (TimeSpan & { entry: string })[]): void => {
  const sorted = [...parsed].sort((a, b) => spanMs(a).start - spanMs(b).start);
  let latest: (TimeSpan & { entry: string }) | undefined;
  for (const slot of sorted) {
    if (latest && overlaps(latest, slot)) {
      throw new DomainError('slot_overlap_in_command', { entry: slot.entry, other: latest.entry });
    }
    if (!latest || spanMs(slot).end > spanMs(latest).end) latest = slot;
  }
};

/** Open and booked slots count toward the quota; cancelled ones do not. */
export const countsTowardQuota = (status: SlotStatus): boolean => status === 'open' || status === 'booked';
