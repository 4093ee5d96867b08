/**
 * A message in a consultation's thread is an answer: stored once per event (the event id is claimed in the
 * same transaction as the effect, so Slack's retries and a second instance change nothing) and once per
 * message. The asker's own replies don't count.
 */

import { claimEvent, consultationByThread, recordReply } from '../db/repositories/consultations.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';

export type ThreadMessage = {
  eventId: string;
  channel: string;
  threadTs: string;
  messageTs: string;
  userId: string;
  now: Date;
};

export type ReplyOutcome = 'recorded' | 'duplicate' | 'not_a_consultation' | 'asker';

export const recordThreadReply = (deps: UseCaseDeps, msg: ThreadMessage): Promise<ReplyOutcome> =>
  writeTransaction(deps.db, async (trx) => {
    const nowIso = toUtcIso(msg.now);
    if (!(await claimEvent(trx, msg.eventId, nowIso))) return 'duplicate';
    const consultation = await consultationByThread(trx, msg.channel, msg.threadTs);
    if (!consultation) return 'not_a_consultation';
    if (consultation.supporter_id === msg.userId) return 'asker';
    const repliedAt = toUtcIso(new Date(Number(msg.messageTs) * 1000));
    const stored = await recordReply(trx, {
      consultationId: consultation.id,
      messageTs: msg.messageTs,
      userId: msg.userId,
      repliedAt: Number.isFinite(Date.parse(repliedAt)) ? repliedAt : nowIso,
    });
    return stored ? 'recorded' : 'duplicate';
  });
