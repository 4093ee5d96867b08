/** The write-up state of a session: none before it ends, pending, overdue after the due hours, done. Pure. */
export type WriteupState = 'none' | 'pending' | 'overdue' | 'done';

export const writeupState = (
  session: { end_at: string; writeup_done_at: string | null; status: string },
  now: Date,
  dueHours: number,
): WriteupState => {
  if (session.writeup_done_at) return 'done';
  const end = Date.parse(session.end_at);
  if (session.status !== 'booked' || end > now.getTime()) return 'none';
  return now.getTime() - end >= dueHours * 3_600_000 ? 'overdue' : 'pending';
};
