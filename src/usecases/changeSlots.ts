/**
 * `/slots remove <id…>`, `book <id>`, `unbook <id>`: only on one's own slots, all-or-nothing, and only
 * from the status the action makes sense for (a booked session is unbooked before it can be removed).
 */

import { deleteSessionsOfSlots } from '../db/repositories/sessions.js';
import { getSlots, setSlotStatus } from '../db/repositories/slots.js';
import type { Slot } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import type { SlotStatus } from '../domain/slots.js';

export type SlotChange = 'remove' | 'book' | 'unbook';

const TRANSITIONS: Record<SlotChange, { from: SlotStatus; to: SlotStatus }> = {
  remove: { from: 'open', to: 'cancelled' },
  book: { from: 'open', to: 'booked' },
  unbook: { from: 'booked', to: 'open' },
};

/** `12`, `#12`, `12 13`, `12,13`, `＃１２` → ids. Anything else is an error naming it. */
export const parseSlotIds = (args: string): number[] => {
  const words = args
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .filter(Boolean);
  if (!words.length) throw new DomainError('slot_id_missing');
  return [
    ...new Set(
      words.map((w) => {
        const m = /^#?(\d{1,9})$/.exec(w);
        if (!m) throw new DomainError('slot_not_found', { id: w.replace(/^#/, '') });
        return Number(m[1]);
      }),
    ),
  ];
};

export const changeSlots = async (
  deps: UseCaseDeps,
  input: { userId: string; ids: number[]; change: SlotChange; now: Date },
): Promise<Slot[]> => {
  const { from, to } = TRANSITIONS[input.change];
  return writeTransaction(deps.db, async (trx) => {
    const slots = await getSlots(trx, input.ids);
    for (const id of input.ids) {
      const slot = slots.find((s) => s.id === id);
      if (!slot || slot.status === 'cancelled') throw new DomainError('slot_not_found', { id });
      if (slot.supporter_id !== input.userId) throw new DomainError('slot_not_yours', { id });
      if (slot.status !== from) throw new DomainError('slot_status_conflict', { id, status: slot.status });
    }
    const changed = await setSlotStatus(trx, input.ids, from, to, toUtcIso(input.now));
    if (changed !== input.ids.length) throw new DomainError('generic');
    // Unbooking removes the session's record (alias, plan, topic) with the booking, in one transaction.
    if (input.change === 'unbook') await deleteSessionsOfSlots(trx, input.ids);
    return slots.map((s) => ({ ...s, status: to }));
  });
};
