/**
 * The strengths write-up builder: the pending list, opening one (its template, its draft, and for a
 * follow-up the last next step written for the same client), saving a draft, finishing, marking it sent.
 * The text is client data: every call re-checks in the database that the caller is the session's
 * supporter (ids in buttons, modal metadata and commands are never trusted for that).
 */

import { DateTime } from 'luxon';
import { recordSentMessage } from '../db/repositories/deliveries.js';
import { markWriteupDone } from '../db/repositories/slots.js';
import {
  countWriteupTextBefore,
  endedSlotsWithoutSession,
  ensureSessionOfSlot,
  getSessionWithSlot,
  pendingWriteupSessions,
  previousWriteup,
  purgeWriteupText,
  type SessionWithSlot,
  saveWriteup,
} from '../db/repositories/writeups.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { owesWriteup } from '../domain/outcomes.js';
import { findAllPersonalData, type PiiFinding } from '../domain/pii.js';
import { sessionPlan } from '../domain/sessions.js';
import { writeupState } from '../domain/writeup.js';
import {
  cleanDraft,
  missingForFinish,
  nextStepOf,
  readDraft,
  WRITEUP_TEMPLATES,
  type WriteupDraft,
} from '../domain/writeupTemplate.js';
import { japaneseAnalyzer } from '../text/japaneseAnalyzer.js';

export type PendingWriteup = {
  sessionId: number;
  slotId: number;
  startUtc: string;
  minutes: number;
  plan: SessionWithSlot['plan'];
  alias: string;
  draft: boolean;
  finished: boolean;
  overdue: boolean;
};

/** The caller's ended sessions that owe a write-up not sent yet (a slot booked by /consult alone included). */
export const pendingWriteupsOf = async (
  deps: UseCaseDeps,
  userId: string,
  now: Date,
): Promise<PendingWriteup[]> => {
  const nowIso = toUtcIso(now);
  for (const s of await endedSlotsWithoutSession(deps.db, userId, nowIso)) {
    await ensureSessionOfSlot(
      deps.db,
      s,
      sessionPlan(s.consultation_plan ?? undefined, s.minutes),
      null,
      nowIso,
    );
  }
  const rows = await pendingWriteupSessions(deps.db, userId, nowIso);
  return rows.map((r) => ({
    sessionId: r.id,
    slotId: r.slot_id,
    startUtc: r.start_at,
    minutes: r.minutes,
    plan: r.plan,
    alias: r.client_alias,
    draft: r.writeup_draft !== null,
    finished: r.writeup_text !== null,
    overdue: writeupState({ ...r, status: r.slot_status }, now, deps.config.writeupDueHours) === 'overdue',
  }));
};

/** The caller's own session, booked, started, and owing a write-up; else the error that says why not. */
export const ownWriteupSession = async (
  deps: UseCaseDeps,
  userId: string,
  sessionId: number,
  now: Date,
): Promise<SessionWithSlot> => {
  const s = await getSessionWithSlot(deps.db, sessionId);
  if (s?.slot_status !== 'booked') throw new DomainError('session_not_found', { id: sessionId });
  if (s.supporter_id !== userId) throw new DomainError('not_yours');
  if (Date.parse(s.start_at) > now.getTime()) throw new DomainError('writeup_not_started', { id: sessionId });
  if (!owesWriteup(s.outcome))
    throw new DomainError('writeup_not_owed', { id: sessionId, slot: s.slot_id, outcome: s.outcome ?? '' });
  return s;
};

export type WriteupContext = {
  session: SessionWithSlot;
  draft: WriteupDraft;
  /** A follow-up's last next step (same supporter, same client alias), with that session's time. */
  previous: { text: string; startUtc: string; minutes: number } | undefined;
};

export const openWriteup = async (
  deps: UseCaseDeps,
  userId: string,
  sessionId: number,
  now: Date,
): Promise<WriteupContext> => {
  const session = await ownWriteupSession(deps, userId, sessionId, now);
  const draft = readDraft(session.writeup_draft, session.plan);
  const previous =
    session.plan === 'followup'
      ? await lastNextStep(deps, userId, session.client_alias, session.start_at)
      : undefined;
  return { session, draft, previous };
};

/**
 * The next step of the last write-up the supporter wrote for the same client alias before `beforeUtc`
 * (a follow-up's builder and its brief show it). Only the author's own write-ups are looked at.
 */
export const lastNextStep = async (
  deps: UseCaseDeps,
  supporterId: string,
  alias: string,
  beforeUtc: string,
): Promise<WriteupContext['previous']> => {
  if (!alias) return undefined;
  const prev = await previousWriteup(deps.db, supporterId, alias, beforeUtc);
  const text = nextStepOf(prev?.writeup_draft);
  return prev && text ? { text, startUtc: prev.start_at, minutes: prev.minutes } : undefined;
};

/** Field keys by what the modal sends back (plain strings; the rest is ignored). */
export type WriteupValues = Record<string, string | undefined>;

export type SavedWriteup = {
  session: SessionWithSlot;
  draft: WriteupDraft;
  /** Personal data seen in the text: a warning, never a refusal (the client is meant to receive it). */
  findings: Array<PiiFinding & { field: string }>;
  finished: boolean;
};

/**
 * Saves the builder's fields as the draft; with `finish`, every strength and the next step must be
 * there, and `format` makes the text to paste (in the supporter's language), stored with it.
 */
export const saveWriteupDraft = async (
  deps: UseCaseDeps,
  input: {
    userId: string;
    sessionId: number;
    values: WriteupValues;
    finish: boolean;
    format: (session: SessionWithSlot, draft: WriteupDraft) => string;
    now: Date;
  },
): Promise<SavedWriteup> => {
  const session = await ownWriteupSession(deps, input.userId, input.sessionId, input.now);
  const draft = cleanDraft(input.values, session.plan);
  if (input.finish) {
    const missing = missingForFinish(draft, session.plan);
    if (missing.length)
      throw new DomainError('writeup_fields_missing', { fields: missing.join(',') }, missing[0]);
  }
  const analyzer = await japaneseAnalyzer();
  const findings = WRITEUP_TEMPLATES[session.plan].flatMap((f) =>
    findAllPersonalData(draft[f.key] ?? '', analyzer).map((x) => ({ ...x, field: f.key })),
  );
  const text = input.finish ? input.format(session, draft) : undefined;
  await saveWriteup(
    deps.db,
    session.id,
    input.userId,
    { draft: JSON.stringify(draft), ...(text === undefined ? {} : { text }) },
    toUtcIso(input.now),
  );
  return {
    session: { ...session, writeup_draft: JSON.stringify(draft), writeup_text: text ?? session.writeup_text },
    draft,
    findings,
    finished: input.finish,
  };
};

/** `/writeup done <id>` and the 送った button: the write-up of the caller's session is recorded as sent. */
export const markWriteupSent = async (
  deps: UseCaseDeps,
  input: { userId: string; sessionId: number; now: Date },
): Promise<{ session: SessionWithSlot; changed: boolean }> => {
  const s = await getSessionWithSlot(deps.db, input.sessionId);
  if (s?.slot_status !== 'booked') throw new DomainError('session_not_found', { id: input.sessionId });
  if (s.supporter_id !== input.userId) throw new DomainError('not_yours');
  const changed = await markWriteupDone(deps.db, s.slot_id, toUtcIso(input.now));
  return { session: s, changed };
};

/**
 * Retention: write-up drafts and text are client data, removed RETENTION_DAYS after the session's start
 * (with the consultation text). The session row (outcome, sent mark) stays, so counts do not change.
 */
export const purgeExpiredWriteups = async (
  deps: UseCaseDeps,
  now: Date,
  dryRun: boolean,
): Promise<number> => {
  const before = toUtcIso(DateTime.fromJSDate(now).minus({ days: deps.config.retentionDays }));
  return dryRun ? countWriteupTextBefore(deps.db, before) : purgeWriteupText(deps.db, before, toUtcIso(now));
};

/**
 * The finished write-up DM carries the client's strengths: it is recorded like a job's send (key
 * `writeup:<session>:<ts>`), so retention and erase find it and rewrite it with the session's other messages.
 */
export const recordFinishedWriteupDm = (
  deps: UseCaseDeps,
  sent: { sessionId: number; userId: string; channel: string; ts: string },
  now: Date,
): Promise<void> =>
  recordSentMessage(deps.db, {
    key: `writeup:${sent.sessionId}:${sent.ts}`,
    job: 'writeup',
    recipient: sent.userId,
    channel: sent.channel,
    ts: sent.ts,
    at: toUtcIso(now),
  });
