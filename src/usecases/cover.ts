/**
 * Cover (代打): a supporter asks someone else to take a booked session over; the first other supporter to
 * accept takes the slot, its session, the consultations asked about it and the write-up it will owe (one
 * transaction; the request's conditional UPDATE decides the one winner of simultaneous clicks). Quota
 * counts follow the slot. The request is withdrawn with `/slots cover cancel <id>`.
 */

import type { DbOrTrx } from '../db/database.js';
import {
  closeCoverRequest,
  deleteCoverRequest,
  getCoverRequest,
  insertCoverRequest,
  moveSession,
  openCoverOf,
  setCoverPost,
} from '../db/repositories/cover.js';
import { getSession, sessionOfSlot } from '../db/repositories/sessions.js';
import { findOverlapping, getSlots } from '../db/repositories/slots.js';
import { ensureSupporter } from '../db/repositories/supporters.js';
import type { CoverRequest, Session, Slot } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { ownSession } from './sessions.js';

export type CoverView = { request: CoverRequest; session: Session; slot: Slot };

/** The session of one of the caller's booked slots, by slot id (what `/slots list` shows). */
export const sessionIdOfSlot = async (deps: UseCaseDeps, userId: string, slotId: number): Promise<number> => {
  const session = await sessionOfSlot(deps.db, slotId);
  if (!session) throw new DomainError('slot_not_found', { id: slotId });
  if (session.supporter_id !== userId) throw new DomainError('slot_not_yours', { id: slotId });
  return session.id;
};

/** Where cover requests go: the supporters' channel; a clear error when it is not set. */
export const coverChannel = (deps: Pick<UseCaseDeps, 'config'>): string => {
  const channel = deps.config.channels.supporters;
  if (!channel) throw new DomainError('cover_channel_missing');
  return channel;
};

/** Records an open request for one of the caller's sessions that has not started (at most one open). */
export const requestCover = async (
  deps: UseCaseDeps,
  r: { userId: string; sessionId: number; now: Date },
): Promise<CoverView> => {
  coverChannel(deps);
  const { session, slot } = await ownSession(deps, r.userId, r.sessionId);
  if (Date.parse(slot.start_at) <= r.now.getTime()) throw new DomainError('cover_started', { id: slot.id });
  const nowIso = toUtcIso(r.now);
  const request = await writeTransaction(deps.db, async (trx) => {
    if (await openCoverOf(trx, session.id)) throw new DomainError('cover_already_open', { id: slot.id });
    return insertCoverRequest(trx, { session_id: session.id, requested_by: r.userId, created_at: nowIso });
  }).catch((err: unknown) => {
    // Two requests at once: the partial unique index lets one in.
    if (err instanceof DomainError) throw err;
    throw /unique|duplicate/i.test(String(err))
      ? new DomainError('cover_already_open', { id: slot.id })
      : err;
  });
  return { request, session, slot };
};

/** The post could not be made: the request is forgotten (a failing command stores nothing). */
export const undoCoverRequest = (deps: UseCaseDeps, id: number) => deleteCoverRequest(deps.db, id);

export const recordCoverPost = (deps: UseCaseDeps, id: number, channel: string, ts: string) =>
  setCoverPost(deps.db, id, channel, ts);

const viewOf = async (db: DbOrTrx, request: CoverRequest): Promise<CoverView | undefined> => {
  const session = await getSession(db, request.session_id);
  const [slot] = session ? await getSlots(db, [session.slot_id]) : [];
  return session && slot ? { request, session, slot } : undefined;
};

/** A request as it is now (for re-rendering its post). */
export const coverView = async (deps: UseCaseDeps, id: number): Promise<CoverView | undefined> => {
  const request = await getCoverRequest(deps.db, id);
  return request ? viewOf(deps.db, request) : undefined;
};

const refuseClosed = (request: CoverRequest): never => {
  if (request.status === 'taken') throw new DomainError('cover_taken', { user: request.taken_by ?? '' });
  throw new DomainError('cover_withdrawn');
};

/**
 * `userId` takes the session over. Refused: their own request, one already taken (by whom) or withdrawn,
 * a session that has started, or one that clashes with a slot of theirs.
 */
export const takeCover = async (
  deps: UseCaseDeps,
  t: { userId: string; requestId: number; now: Date },
): Promise<CoverView & { from: string }> => {
  const nowIso = toUtcIso(t.now);
  return writeTransaction(deps.db, async (trx) => {
    const request = await getCoverRequest(trx, t.requestId);
    const view = request && (await viewOf(trx, request));
    if (!request || !view) throw new DomainError('cover_withdrawn');
    if (request.status !== 'open') refuseClosed(request);
    if (request.requested_by === t.userId) throw new DomainError('cover_own');
    const { slot, session } = view;
    if (Date.parse(slot.start_at) <= t.now.getTime()) throw new DomainError('cover_started', { id: slot.id });
    if ((await findOverlapping(trx, t.userId, slot.start_at, slot.end_at)).length)
      throw new DomainError('cover_clash');
    if (!(await closeCoverRequest(trx, request.id, { status: 'taken', takenBy: t.userId }, nowIso))) {
      // Someone else's click won between our read and our write: say who.
      refuseClosed((await getCoverRequest(trx, request.id)) ?? request);
    }
    const from = session.supporter_id;
    // Taking a session puts them on the roster (a slot's supporter is one), as /slots add would.
    await ensureSupporter(trx, t.userId, 'command', nowIso);
    if (!(await moveSession(trx, { slotId: slot.id, sessionId: session.id, from, to: t.userId, nowIso })))
      throw new DomainError('cover_withdrawn');
    return {
      from,
      request: { ...request, status: 'taken', taken_by: t.userId, updated_at: nowIso },
      session: { ...session, supporter_id: t.userId, updated_at: nowIso },
      slot: { ...slot, supporter_id: t.userId, updated_at: nowIso },
    };
  });
};

/** Withdraws the open request for one of the caller's sessions. */
export const cancelCover = async (
  deps: UseCaseDeps,
  c: { userId: string; sessionId: number; now: Date },
): Promise<CoverView> => {
  const { session, slot } = await ownSession(deps, c.userId, c.sessionId);
  const request = await openCoverOf(deps.db, session.id);
  if (!request || !(await closeCoverRequest(deps.db, request.id, { status: 'cancelled' }, toUtcIso(c.now))))
    throw new DomainError('cover_none', { id: slot.id });
  return { request: { ...request, status: 'cancelled' }, session, slot };
};
