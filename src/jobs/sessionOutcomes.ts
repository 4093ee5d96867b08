/**
 * session-outcomes (SESSION_OUTCOME_CRON, every 15 min by default): once a booked session has ended, one
 * DM to its supporter asking how it went — 実施した / 相談者が来なかった / キャンセルになった, and まとめを書く —
 * under the delivery key `outcome:<slot id>`, so reruns, retries and two instances send it once. Sessions
 * that ended more than OUTCOME_LOOKBACK_DAYS ago are not asked about; an unanswered one counts as held.
 * A slot booked by /consult alone gets its session record here (not in a dry run, which records nothing).
 */
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import { messages } from '../i18n/index.js';
import { outcomeDm } from '../slack/blocks/writeupMessages.js';
import { localesFor } from '../usecases/locales.js';
import { outcomesToAsk } from '../usecases/outcomes.js';
import type { Job } from './types.js';

export const outcomeKey = (slotId: number): string => `outcome:${slotId}`;

export const sessionOutcomes: Job = async (deps, opts) => {
  const [questions, localeOf] = await Promise.all([
    outcomesToAsk(deps, opts.now, !!opts.dryRun),
    localesFor(deps),
  ]);
  const outgoing: Outgoing[] = questions.map((q) => {
    const locale = localeOf(q.supporterId);
    const a = { m: messages(locale), locale, zone: deps.config.timezone, now: opts.now };
    const dm = outcomeDm(a, {
      slotId: q.slotId,
      sessionId: q.sessionId,
      start_at: q.startUtc,
      minutes: q.minutes,
      plan: q.plan,
      client_alias: q.alias,
    });
    return { key: outcomeKey(q.slotId), recipient: q.supporterId, ...dm };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('session-outcomes', opts));
  return { job: 'session-outcomes', ...report };
};
