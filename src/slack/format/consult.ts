/** The reply to a posted consultation: where it went, and what it did to which slot (枠 #… vs 相談 #…). */
import { monthOf } from '../../domain/calendar.js';
import type { PostedConsultation } from '../consultPosting.js';
import { type Audience, slotWhen } from './slots.js';

export const postedReply = (a: Audience, posted: PostedConsultation, channel: string): string => {
  const { slot, sessionChange, previousMinutes } = posted.created;
  const c = a.m.consult;
  const p = { slot: slot.id, when: slotWhen(a, slot) };
  const month = a.m.slots.monthLabel({ month: monthOf(slot.start_at, a.zone) });
  const change =
    sessionChange === 'created'
      ? c.slotCreated({ ...p, month })
      : sessionChange === 'booked'
        ? c.slotBooked(p)
        : c.slotLinked(p);
  return [
    c.posted({ id: posted.id, link: posted.link ?? '', channel }),
    change,
    ...(previousMinutes ? [c.slotResized({ slot: slot.id, from: previousMinutes, to: slot.minutes })] : []),
  ].join('\n');
};
