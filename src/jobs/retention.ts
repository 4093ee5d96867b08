/**
 * retention: RETENTION_DAYS after a session's start, the client's text goes — consultations' topic and
 * question, sessions' alias and topic (the rows, and so every count, stay) — and the bot's Slack messages
 * that carried it (the advice post, nudge DMs that quoted it, booking DMs, briefs) are rewritten to a
 * short notice in their reader's language. Database first, then Slack, each message once
 * (usecases/erasure.ts, slack/erasurePosting.ts); a crashed run's rerun rewrites what is left.
 */
import { deliveryOptions } from '../delivery/deliver.js';
import { rewriteErasedMessages } from '../slack/erasurePosting.js';
import { eraseFromDatabase, plannedErasureWork, retentionTargets } from '../usecases/erasure.js';
import type { Job } from './types.js';

export const retention: Job = async (deps, opts) => {
  const targets = await retentionTargets(deps, opts.now);
  const delivery = deliveryOptions('retention', opts);
  if (opts.dryRun) {
    const planned = await plannedErasureWork(deps, targets, 'retention');
    const { report } = await rewriteErasedMessages(deps, { ...delivery, planned });
    return { job: 'retention', ...report };
  }
  await eraseFromDatabase(deps, targets, 'retention', opts.now);
  const { report, settled } = await rewriteErasedMessages(deps, delivery);
  deps.logger.info(
    { consultations: targets.consultations.length, sessions: targets.sessions.length, settled },
    'retention: client text purged; bot messages rewritten',
  );
  return { job: 'retention', ...report };
};
