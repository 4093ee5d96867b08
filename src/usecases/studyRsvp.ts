/**
 * RSVPs to a study session: one answer per person (the (session, user) row), decided under the session's
 * row lock so double clicks and concurrent answers are applied one after another; the seats and the
 * waiting list follow domain/study.ts. The host (or an operator) can also cancel someone's spot.
 */

import type { DbOrTrx } from '../db/database.js';
import {
  getStudySession,
  lockStudySession,
  rsvpsOf,
  setWaitlisted,
  upsertRsvp,
} from '../db/repositories/study.js';
import type { StudyRsvp, StudySession } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { applyRsvp, type Rsvp, type RsvpAnswer, type RsvpOutcome } from '../domain/study.js';
import { assertMayManage } from './study.js';

export type RsvpResult = { session: StudySession; outcome: RsvpOutcome };

const toRsvp = (r: StudyRsvp): Rsvp => ({
  userId: r.user_id,
  answer: r.answer,
  waitlisted: r.waitlisted === 1,
  position: r.position,
});

/** Stores the outcome: the person's row, and the waiting flag of everyone whose seat changed. */
const persist = async (
  trx: DbOrTrx,
  sessionId: number,
  before: readonly Rsvp[],
  outcome: RsvpOutcome,
  nowIso: string,
) => {
  const { mine } = outcome;
  await upsertRsvp(
    trx,
    {
      session_id: sessionId,
      user_id: mine.userId,
      answer: mine.answer,
      waitlisted: mine.waitlisted ? 1 : 0,
      position: mine.position,
    },
    nowIso,
  );
  const was = new Map(before.map((r) => [r.userId, r.waitlisted]));
  const others = outcome.rsvps.filter((r) => r.userId !== mine.userId && was.get(r.userId) !== r.waitlisted);
  await setWaitlisted(
    trx,
    sessionId,
    others.filter((r) => r.waitlisted).map((r) => r.userId),
    true,
    nowIso,
  );
  await setWaitlisted(
    trx,
    sessionId,
    others.filter((r) => !r.waitlisted).map((r) => r.userId),
    false,
    nowIso,
  );
};

/** A session that takes answers: it exists, is not cancelled and has not started. Locks its row. */
const openForAnswers = async (trx: DbOrTrx, id: number, now: Date): Promise<StudySession> => {
  const nowIso = toUtcIso(now);
  if (!(await lockStudySession(trx, id, nowIso))) throw new DomainError('study_not_found', { id });
  const session = await getStudySession(trx, id);
  if (!session) throw new Error(`study session ${id} vanished under its row lock`);
  if (session.status === 'cancelled') throw new DomainError('study_cancelled', { id });
  if (session.start_at <= nowIso) throw new DomainError('study_closed', { id });
  return session;
};

export const rsvpStudy = async (
  deps: UseCaseDeps,
  input: { userId: string; id: number; answer: RsvpAnswer; now: Date },
): Promise<RsvpResult> => {
  const nowIso = toUtcIso(input.now);
  return writeTransaction(deps.db, async (trx) => {
    const session = await openForAnswers(trx, input.id, input.now);
    const before = (await rsvpsOf(trx, input.id)).map(toRsvp);
    const outcome = applyRsvp(before, input.userId, input.answer, session.capacity);
    if (outcome.changed) await persist(trx, input.id, before, outcome, nowIso);
    return { session, outcome };
  });
};

/**
 * The host (or an operator) cancels someone's spot: their answer becomes 不参加 and the waiting list moves
 * up. `changed` is false when they had not answered 参加.
 */
export const removeFromStudy = async (
  deps: UseCaseDeps,
  input: { actorId: string; id: number; targetId: string; now: Date },
): Promise<RsvpResult> => {
  const nowIso = toUtcIso(input.now);
  return writeTransaction(deps.db, async (trx) => {
    await assertMayManage(deps, trx, input.actorId, input.id);
    const session = await openForAnswers(trx, input.id, input.now);
    const before = (await rsvpsOf(trx, input.id)).map(toRsvp);
    const current = before.find((r) => r.userId === input.targetId);
    if (current?.answer !== 'going') {
      const outcome = applyRsvp(before, input.targetId, current?.answer ?? 'not_going', session.capacity);
      return { session, outcome: { ...outcome, changed: false, promoted: [] } };
    }
    const outcome = applyRsvp(before, input.targetId, 'not_going', session.capacity);
    await persist(trx, input.id, before, outcome, nowIso);
    return { session, outcome };
  });
};
