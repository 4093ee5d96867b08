/** Marking a session's strengths write-up as sent — only by the supporter whose session it is. */

import { getSlots, markWriteupDone } from '../db/repositories/slots.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';

export const markSessionWriteupDone = async (
  deps: UseCaseDeps,
  input: { userId: string; slotId: number; now: Date },
): Promise<{ changed: boolean }> => {
  const [slot] = await getSlots(deps.db, [input.slotId]);
  if (slot?.status !== 'booked') throw new DomainError('slot_not_found', { id: input.slotId });
  if (slot.supporter_id !== input.userId) throw new DomainError('slot_not_yours', { id: input.slotId });
  return { changed: await markWriteupDone(deps.db, slot.id, toUtcIso(input.now)) };
};
