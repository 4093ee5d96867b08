/** The write-up state of a session: none before it ends, pending, overdue after the due hours, done. Pure. */
import { type Outcome, owesWriteup } from './outcomes.js';

export type WriteupState = 'none' | 'pending' | 'overdue' | 'done';

export const writeupState = (
  session: { end_at: string; writeup_done_at: string | null; status: string; outcome?: Outcome | null },
  now: Date,
  dueHours: number,
): WriteupState => {
  if (session.writeup_done_at) return 'done';
  const end = Date.parse(session.end_at);
  if (session.status !== 'booked' || end > now.getTime()) return 'none';
  // A no-show or a cancelled session owes the client nothing (issue #19).
  if (!owesWriteup(session.outcome)) return 'none';
  return now.getTime() - end >= dueHours * 3_600_000 ? 'overdue' : 'pending';
};
