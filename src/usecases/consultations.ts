/**
 * Consultations: storing one (linked to the asker's slot at that time, booking it, or a new booked
 * session), undoing that when the post to Slack fails, resolving, and the write-up of its session.
 */
import { DateTime } from 'luxon';
import type { DbOrTrx } from '../db/database.js';
import {
  deleteConsultation,
  getConsultation,
  insertConsultation,
  resolveConsultation,
  setPosted,
  tagsOf,
} from '../db/repositories/consultations.js';
import {
  deleteSlot,
  findOverlapping,
  getSlots,
  insertSlots,
  markWriteupDone,
  setSlotLength,
  setSlotStatus,
} from '../db/repositories/slots.js';
import { ensureSupporter } from '../db/repositories/supporters.js';
import type { Consultation, Slot } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { assertPostable, MAX_QUESTION, MAX_TOPIC } from '../domain/consultForm.js';
import { DomainError } from '../domain/errors.js';
import type { Plan } from '../domain/plans.js';
import { DEFAULT_MINUTES, PLAN_MINUTES, planForMinutes } from '../domain/plans.js';
import { japaneseAnalyzer } from '../text/japaneseAnalyzer.js';

export type ConsultationDraft = {
  userId: string;
  startUtc: string;
  plan: Plan | undefined;
  topic: string;
  question: string;
  tags: string[];
};

export type CreatedConsultation = {
  consultation: Consultation;
  slot: Slot;
  /** How the session came about, so a failed post can be undone exactly (and the reply can say so). */
  sessionChange: 'created' | 'booked' | 'none';
  /** The slot's length before the plan changed it, when it did. */
  previousMinutes?: number;
};

export const createConsultation = async (
  deps: UseCaseDeps,
  draft: ConsultationDraft,
  now: Date,
): Promise<CreatedConsultation> => {
  // The guard runs before anything is stored. The analyser is warmed at start (main.ts); a command that
  // comes in before it is ready waits for it here, after its ack.
  assertPostable(
    [
      { text: draft.topic, field: 'topic', max: MAX_TOPIC, label: 'topic' },
      { text: draft.question, field: 'question', max: MAX_QUESTION, label: 'question' },
      ...draft.tags.map((t) => ({ text: t, field: 'tags', max: 30, label: 'tag' })),
    ],
    await japaneseAnalyzer(),
  );
  if (draft.startUtc <= toUtcIso(now)) throw new DomainError('consult_in_past', {}, 'session_date');
  const nowIso = toUtcIso(now);
  return writeTransaction(deps.db, async (trx) => {
    await ensureSupporter(trx, draft.userId, 'consult', nowIso);
    const { slot, sessionChange, previousMinutes } = await sessionFor(
      trx,
      draft,
      nowIso,
      deps.config.timezone,
    );
    const consultation = await insertConsultation(
      trx,
      {
        supporter_id: draft.userId,
        slot_id: slot.id,
        session_start: slot.start_at,
        plan: draft.plan ?? planForMinutes(slot.minutes),
        topic: draft.topic,
        question: draft.question,
        channel: null,
        ts: null,
        resolved_at: null,
        nudged_at: null,
        purged_at: null,
        created_at: nowIso,
      },
      draft.tags,
    );
    return { consultation, slot, sessionChange, ...(previousMinutes ? { previousMinutes } : {}) };
  });
};

const endOf = (startUtc: string, minutes: number) => toUtcIso(DateTime.fromISO(startUtc).plus({ minutes }));

/**
 * The asker's slot starting then (booked if it was open), or a new booked session; never a double booking.
 * The session's length follows the plan: a slot of another length is extended (or shortened) to it when
 * the time is free, otherwise the error names the slot in the way, so a post never shows two lengths.
 */
const sessionFor = async (trx: DbOrTrx, draft: ConsultationDraft, nowIso: string, zone: string) => {
  const wanted = draft.plan ? PLAN_MINUTES[draft.plan] : undefined;
  const overlapping = await findOverlapping(
    trx,
    draft.userId,
    draft.startUtc,
    endOf(draft.startUtc, wanted ?? DEFAULT_MINUTES),
  );
  const same = overlapping.find((s) => s.start_at === draft.startUtc);
  if (same) {
    const minutes = wanted ?? same.minutes;
    let slot = same;
    if (minutes !== same.minutes) {
      const end = endOf(same.start_at, minutes);
      const other = (await findOverlapping(trx, draft.userId, same.start_at, end)).find(
        (s) => s.id !== same.id,
      );
      if (other) {
        const at = { start: other.start_at, minutes: other.minutes, zone, now: nowIso };
        throw new DomainError(
          'consult_slot_too_short',
          { id: same.id, other: other.id, plan: draft.plan ?? '', planMinutes: minutes, ...at },
          'session_time',
        );
      }
      await setSlotLength(trx, same.id, minutes, end, nowIso);
      slot = { ...same, minutes, end_at: end };
    }
    const previousMinutes = minutes !== same.minutes ? same.minutes : undefined;
    if (same.status === 'open') {
      await setSlotStatus(trx, [same.id], 'open', 'booked', nowIso);
      return {
        slot: { ...slot, status: 'booked' as const },
        sessionChange: 'booked' as const,
        previousMinutes,
      };
    }
    return { slot, sessionChange: 'none' as const, previousMinutes };
  }
  const minutes = wanted ?? DEFAULT_MINUTES;
  const clash = overlapping[0];
  if (clash) {
    const at = { start: clash.start_at, minutes: clash.minutes, zone, now: nowIso };
    throw new DomainError('consult_slot_conflict', { id: clash.id, ...at }, 'session_time');
  }
  const [created] = await insertSlots(trx, [
    {
      supporter_id: draft.userId,
      start_at: draft.startUtc,
      end_at: endOf(draft.startUtc, minutes),
      minutes,
      status: 'booked',
      writeup_done_at: null,
      created_at: nowIso,
      updated_at: nowIso,
    },
  ]);
  return { slot: created!, sessionChange: 'created' as const, previousMinutes: undefined };
};

export const markConsultationPosted = (deps: UseCaseDeps, id: number, channel: string, ts: string) =>
  setPosted(deps.db, id, channel, ts);

/** Undoes createConsultation after the post to Slack failed: a failing command stores nothing. */
export const undoConsultation = async (deps: UseCaseDeps, created: CreatedConsultation, now: Date) => {
  await writeTransaction(deps.db, async (trx) => {
    await deleteConsultation(trx, created.consultation.id);
    if (created.sessionChange === 'created') await deleteSlot(trx, created.slot.id);
    if (created.sessionChange === 'booked')
      await setSlotStatus(trx, [created.slot.id], 'booked', 'open', toUtcIso(now));
    if (created.sessionChange !== 'created' && created.previousMinutes) {
      const { id, start_at } = created.slot;
      const minutes = created.previousMinutes;
      await setSlotLength(trx, id, minutes, endOf(start_at, minutes), toUtcIso(now));
    }
  });
};

/** A stored consultation, if there is one (for re-rendering its post). */
export const findConsultation = (deps: UseCaseDeps, id: number): Promise<Consultation | undefined> =>
  getConsultation(deps.db, id);

/** What a consultation's post shows besides the row itself: its tags and the length of its session. */
export const consultationPostData = async (
  deps: UseCaseDeps,
  c: Consultation,
): Promise<{ tags: string[]; minutes: number }> => {
  const [tags, slots] = await Promise.all([
    tagsOf(deps.db, c.id),
    getSlots(deps.db, c.slot_id ? [c.slot_id] : []),
  ]);
  return { tags, minutes: slots[0]?.minutes ?? 60 };
};

/** Loads a consultation for its asker; anyone else gets a clear error (ids in buttons are not trusted). */
export const ownConsultation = async (
  deps: UseCaseDeps,
  userId: string,
  id: number,
): Promise<Consultation> => {
  const c = await getConsultation(deps.db, id);
  if (!c) throw new DomainError('consult_not_found', { id });
  if (c.supporter_id !== userId) throw new DomainError('consult_not_yours', { id });
  return c;
};

export const resolveOwnConsultation = async (deps: UseCaseDeps, userId: string, id: number, now: Date) => {
  const c = await ownConsultation(deps, userId, id);
  const changed = await resolveConsultation(deps.db, id, toUtcIso(now));
  return { consultation: { ...c, status: 'resolved' as const }, changed };
};

export const markConsultationWriteup = async (deps: UseCaseDeps, userId: string, id: number, now: Date) => {
  const c = await ownConsultation(deps, userId, id);
  if (!c.slot_id) throw new DomainError('consult_not_found', { id });
  return { consultation: c, changed: await markWriteupDone(deps.db, c.slot_id, toUtcIso(now)) };
};

/** `12`, `#12` → 12; anything else names itself as not found. */
export const parseConsultationId = (args: string): number => {
  const word = args.normalize('NFKC').trim();
  const m = /^#?(\d{1,9})$/.exec(word);
  if (!m) throw new DomainError('consult_not_found', { id: word || '?' });
  return Number(m[1]);
};
