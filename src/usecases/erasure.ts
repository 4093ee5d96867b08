/**
 * Erasing client text (#20): by retention (RETENTION_DAYS after the session's start) or on request
 * (`erase`). The text leaves the database first, in one transaction that also queues each target in
 * `erasures`; the bot's Slack messages that carried it are rewritten after (slack/erasurePosting.ts) and a
 * target leaves the queue once every one of them is settled. A crash in between leaves the queue as it
 * was: the next run rewrites what is left, and what was rewritten stays rewritten (the delivery's keys).
 */
import { DateTime } from 'luxon';
import { consultationsToPurge } from '../db/repositories/consultations.js';
import { findDeliveries } from '../db/repositories/deliveries.js';
import {
  type BotMessage,
  botMessagesAbout,
  consultationTargets,
  type ErasureTargets,
  erasuresOf,
  erasuresWaitingForSlack,
  markSlackDone,
  purgeClientText,
  recordErasures,
  sessionsExpiredBy,
  sessionTargets,
  supporterTargets,
} from '../db/repositories/erasures.js';
import type { Erasure, ErasureReason } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';

export type { ErasureTargets };

/** What replaces a consultation's question in the database (its topic, and sessions' text, become ''). */
export const PURGED_TEXT = '[purged]';

export type EraseTarget = { consultation: number } | { session: number } | { supporter: string };

/** The rows an erase request reaches (nothing when the id is unknown). */
export const targetsOf = (deps: UseCaseDeps, target: EraseTarget): Promise<ErasureTargets> =>
  'consultation' in target
    ? consultationTargets(deps.db, target.consultation)
    : 'session' in target
      ? sessionTargets(deps.db, target.session)
      : supporterTargets(deps.db, target.supporter);

/** What retention reaches at `now`: consultations and sessions that started RETENTION_DAYS ago or more. */
export const retentionTargets = async (deps: UseCaseDeps, now: Date): Promise<ErasureTargets> => {
  const before = toUtcIso(DateTime.fromJSDate(now).minus({ days: deps.config.retentionDays }));
  const [consultations, sessions] = await Promise.all([
    consultationsToPurge(deps.db, before),
    sessionsExpiredBy(deps.db, before),
  ]);
  return { consultations, sessions };
};

/** Removes the targets' text from the database and queues their Slack rewrite, in one transaction. */
export const eraseFromDatabase = (
  deps: UseCaseDeps,
  targets: ErasureTargets,
  reason: ErasureReason,
  now: Date,
): Promise<void> =>
  writeTransaction(deps.db, async (trx) => {
    const at = toUtcIso(now);
    await purgeClientText(trx, targets, PURGED_TEXT, at);
    await recordErasures(trx, 'consultation', targets.consultations, reason, at);
    await recordErasures(trx, 'session', targets.sessions, reason, at);
  });

/** A queued target with the bot's messages about it that still carry (or carried) its text. */
export type ErasureWork = {
  erasure: Pick<Erasure, 'id' | 'kind' | 'target_id' | 'reason'>;
  messages: BotMessage[];
};

/** The key a message's rewrite is recorded under in the delivery ledger. */
export const rewriteKey = (message: Pick<BotMessage, 'key'>): string => `rewrite:${message.key}`;

const withMessages = async (
  deps: UseCaseDeps,
  erasures: Pick<Erasure, 'id' | 'kind' | 'target_id' | 'reason'>[],
): Promise<ErasureWork[]> => {
  const work: ErasureWork[] = [];
  for (const erasure of erasures) work.push({ erasure, messages: await botMessagesAbout(deps.db, erasure) });
  return work;
};

/** The queue's targets waiting for their Slack rewrite (optionally only these), with their messages. */
export const erasureWork = async (deps: UseCaseDeps, only?: ErasureTargets): Promise<ErasureWork[]> =>
  withMessages(deps, await erasuresWaitingForSlack(deps.db, only));

/**
 * What an erasure would do now, without doing it (a dry run): the targets not erased yet and those waiting
 * in the queue, with their messages.
 */
export const plannedErasureWork = async (
  deps: UseCaseDeps,
  targets: ErasureTargets,
  reason: ErasureReason,
): Promise<ErasureWork[]> => {
  const queued = await erasuresOf(deps.db, targets);
  const isQueued = (kind: string, id: number) => queued.some((e) => e.kind === kind && e.target_id === id);
  const fresh = [
    ...targets.consultations
      .filter((id) => !isQueued('consultation', id))
      .map((id) => ({ id: 0, kind: 'consultation' as const, target_id: id, reason })),
    ...targets.sessions
      .filter((id) => !isQueued('session', id))
      .map((id) => ({ id: 0, kind: 'session' as const, target_id: id, reason })),
  ];
  return withMessages(deps, [...queued.filter((e) => e.slack_done_at === null), ...fresh]);
};

/** Takes off the queue each target none of whose rewrites waits for a retry (permanent failures are final). */
export const settleErasures = async (deps: UseCaseDeps, work: readonly ErasureWork[], now: Date) => {
  const keys = work.flatMap((w) => w.messages.map(rewriteKey));
  const settled = new Set(
    (await findDeliveries(deps.db, keys))
      .filter((d) => d.status === 'sent' || d.status === 'failed')
      .map((d) => d.key),
  );
  const done = work
    .filter((w) => w.messages.every((m) => settled.has(rewriteKey(m))))
    .map((w) => w.erasure.id);
  await markSlackDone(deps.db, done, toUtcIso(now));
  return done.length;
};
