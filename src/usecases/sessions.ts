/**
 * Booking a session: the slot becomes booked and the session is recorded (client alias, plan, topic) in
 * one transaction, from `/slots book`, the booking webhook and the CSV import alike. The personal-data
 * guard applies to alias and topic; a booking that fails stores nothing.
 */

import type { DbOrTrx } from '../db/database.js';
import {
  getSession,
  insertSession,
  linkSessionConsultation,
  slotStartingAt,
} from '../db/repositories/sessions.js';
import { getSlots, setSlotStatus } from '../db/repositories/slots.js';
import type { Session, SessionSource, Slot } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import type { MorphAnalyzer } from '../domain/personNames.js';
import type { Plan } from '../domain/plans.js';
import { assertBookingText, sessionPlan } from '../domain/sessions.js';
import { japaneseAnalyzer } from '../text/japaneseAnalyzer.js';

export type BookingTarget = { slotId: number } | { supporter: string; startUtc: string };

export type BookingRequest = {
  target: BookingTarget;
  alias: string;
  plan: Plan | undefined;
  topic: string;
  source: SessionSource;
  /** A supporter booking by command may book only their own slots; the booking system books anyone's. */
  actor?: string;
};

export type Booked = { session: Session; slot: Slot };

/** A booked slot as the session jobs (briefs, outcome questions) tell its supporter about it. */
export type BookedSlotSession = {
  slotId: number;
  /** Null for a slot booked by /consult alone: it has no session record (no alias or topic) yet. */
  sessionId: number | null;
  supporterId: string;
  startUtc: string;
  minutes: number;
  plan: Plan;
  alias: string;
};

const findSlot = async (trx: DbOrTrx, target: BookingTarget): Promise<Slot> => {
  if ('slotId' in target) {
    const [slot] = await getSlots(trx, [target.slotId]);
    if (!slot || slot.status === 'cancelled') throw new DomainError('slot_not_found', { id: target.slotId });
    return slot;
  }
  const slot = await slotStartingAt(trx, target.supporter, target.startUtc);
  if (!slot)
    throw new DomainError('booking_no_slot_at', { supporter: target.supporter, start: target.startUtc });
  return slot;
};

/**
 * Books within a transaction the caller holds (the CSV import books every row in one). The name analyser
 * is loaded by the caller before the transaction opens, so a cold load never holds a write lock.
 */
export const bookInTransaction = async (
  trx: DbOrTrx,
  req: BookingRequest,
  now: Date,
  analyzer: MorphAnalyzer,
): Promise<Booked> => {
  const alias = req.alias.trim();
  const topic = req.topic.trim();
  assertBookingText({ alias, topic }, analyzer);
  const slot = await findSlot(trx, req.target);
  if (req.actor && slot.supporter_id !== req.actor) throw new DomainError('slot_not_yours', { id: slot.id });
  if (slot.status !== 'open')
    throw new DomainError('slot_status_conflict', { id: slot.id, status: slot.status });
  const nowIso = toUtcIso(now);
  // Someone else booking the same slot at the same moment changes 0 rows here: theirs won.
  if ((await setSlotStatus(trx, [slot.id], 'open', 'booked', nowIso)) !== 1)
    throw new DomainError('slot_status_conflict', { id: slot.id, status: 'booked' });
  const session = await insertSession(trx, {
    slot_id: slot.id,
    supporter_id: slot.supporter_id,
    client_alias: alias,
    plan: sessionPlan(req.plan, slot.minutes),
    topic,
    source: req.source,
    consultation_id: null,
    created_at: nowIso,
    updated_at: nowIso,
  });
  return { session, slot: { ...slot, status: 'booked', updated_at: nowIso } };
};

export const bookSession = async (deps: UseCaseDeps, req: BookingRequest, now: Date): Promise<Booked> => {
  const analyzer = await japaneseAnalyzer();
  return writeTransaction(deps.db, (trx) => bookInTransaction(trx, req, now, analyzer));
};

/**
 * A session for its supporter, with its slot, while it is still booked; anyone else, or a session that
 * was unbooked since the button was sent, gets a clear error (ids in buttons are not trusted).
 */
export const ownSession = async (deps: UseCaseDeps, userId: string, sessionId: number): Promise<Booked> => {
  const session = await getSession(deps.db, sessionId);
  if (!session) throw new DomainError('session_not_found', { id: sessionId });
  if (session.supporter_id !== userId) throw new DomainError('not_yours');
  const [slot] = await getSlots(deps.db, [session.slot_id]);
  if (slot?.status !== 'booked') throw new DomainError('session_not_found', { id: sessionId });
  return { session, slot };
};

/** The session of a booked slot, for messages about it (undefined when it has none). */
export const sessionById = (deps: UseCaseDeps, id: number) => getSession(deps.db, id);

/** A consultation posted about a booked slot is linked to the slot's session (the first one only). */
export const linkConsultationToSession = (
  deps: UseCaseDeps,
  slotId: number | null,
  consultationId: number,
  now: Date,
): Promise<void> =>
  slotId === null
    ? Promise.resolve()
    : linkSessionConsultation(deps.db, slotId, consultationId, toUtcIso(now));
