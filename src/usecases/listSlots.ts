/** `/slots list [YYYY-MM]`: the month's slots (cancelled ones hidden) and the standing against the quota. */

import { listSlotsBetween } from '../db/repositories/slots.js';
import type { Slot } from '../db/schema.js';
import type { UseCaseDeps } from '../deps.js';
import { monthBounds, monthOf } from '../domain/calendar.js';
import { type SupporterStanding, standingOf } from './standing.js';

export type ListSlotsResult = { month: string; slots: Slot[]; standing: SupporterStanding };

export const listSlots = async (
  deps: UseCaseDeps,
  input: { userId: string; now: Date; month?: string },
): Promise<ListSlotsResult> => {
  const month = input.month ?? monthOf(input.now, deps.config.timezone);
  const { startUtc, endUtc } = monthBounds(month, deps.config.timezone);
  const [slots, standing] = await Promise.all([
    listSlotsBetween(deps.db, input.userId, startUtc, endUtc),
    standingOf(deps.db, deps.config, input.userId, month),
  ]);
  return { month, slots, standing };
};
