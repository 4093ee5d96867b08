/**
 * How a session went: asked once it has ended (the `session-outcomes` job) and answered by its supporter
 * with a button or `/slots outcome <slot id> held|no_show|cancelled`. The slot stays booked whatever the
 * answer, so a no-show or a late cancellation still counts as an offered slot for the quota; only held
 * sessions (or unanswered ones) owe the client a write-up.
 */
import { DateTime } from 'luxon';
import { getSlots } from '../db/repositories/slots.js';
import {
  endedSlotsAwaitingOutcome,
  ensureSessionOfSlot,
  type SessionWithSlot,
  sessionWithSlotOfSlot,
  setSessionOutcome,
} from '../db/repositories/writeups.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import type { Outcome } from '../domain/outcomes.js';
import { sessionPlan } from '../domain/sessions.js';
import type { BookedSlotSession } from './sessions.js';

/** Sessions that ended longer ago than this are not asked about (a first deployment asks nobody about old ones). */
export const OUTCOME_LOOKBACK_DAYS = 7;

/** `sessionId` is null only in a dry run: a slot booked by /consult alone gets its record when asked. */
export type OutcomeQuestion = BookedSlotSession;

/** The ended sessions with no outcome yet whose question is due: each booked slot ended in the lookback. */
export const outcomesToAsk = async (
  deps: UseCaseDeps,
  now: Date,
  dryRun: boolean,
): Promise<OutcomeQuestion[]> => {
  const at = DateTime.fromJSDate(now);
  const nowIso = toUtcIso(at);
  const rows = await endedSlotsAwaitingOutcome(
    deps.db,
    toUtcIso(at.minus({ days: OUTCOME_LOOKBACK_DAYS })),
    nowIso,
  );
  const out: OutcomeQuestion[] = [];
  for (const r of rows) {
    const plan = r.plan ?? sessionPlan(r.consultation_plan ?? undefined, r.minutes);
    let sessionId = r.session_id;
    if (sessionId === null && !dryRun) {
      const consultation = r.latest_consultation_id === null ? null : Number(r.latest_consultation_id);
      const made = await ensureSessionOfSlot(
        deps.db,
        { id: r.slot_id, supporter_id: r.supporter_id },
        plan,
        consultation,
        nowIso,
      );
      sessionId = made.id;
    }
    out.push({
      slotId: r.slot_id,
      sessionId,
      supporterId: r.supporter_id,
      startUtc: r.start_at,
      minutes: r.minutes,
      plan,
      alias: r.client_alias ?? '',
    });
  }
  return out;
};

/**
 * The session of the user's own booked slot that has started, its record made if it had none. Anyone
 * else gets `slot_not_yours` (the id in a button or a command is never trusted).
 */
export const ownStartedSessionOfSlot = async (
  deps: UseCaseDeps,
  userId: string,
  slotId: number,
  now: Date,
): Promise<SessionWithSlot> => {
  const [slot] = await getSlots(deps.db, [slotId]);
  if (slot?.status !== 'booked') throw new DomainError('slot_not_found', { id: slotId });
  if (slot.supporter_id !== userId) throw new DomainError('slot_not_yours', { id: slotId });
  if (Date.parse(slot.start_at) > now.getTime()) throw new DomainError('outcome_not_ended', { id: slotId });
  const existing = await sessionWithSlotOfSlot(deps.db, slotId);
  if (existing) return existing;
  await ensureSessionOfSlot(deps.db, slot, sessionPlan(undefined, slot.minutes), null, toUtcIso(now));
  const made = await sessionWithSlotOfSlot(deps.db, slotId);
  if (!made) throw new DomainError('slot_not_found', { id: slotId });
  return made;
};

export const recordOutcome = async (
  deps: UseCaseDeps,
  input: { userId: string; slotId: number; outcome: Outcome; now: Date },
): Promise<{ session: SessionWithSlot; changed: boolean }> => {
  const session = await ownStartedSessionOfSlot(deps, input.userId, input.slotId, input.now);
  const changed = await setSessionOutcome(deps.db, session.id, input.outcome, toUtcIso(input.now));
  return { session: { ...session, outcome: input.outcome }, changed };
};
