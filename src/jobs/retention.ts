/**
 * retention: RETENTION_DAYS after a session's start, the client's text goes — consultations' topic and
 * question, sessions' alias and topic (the rows, and so every count, stay) — and the bot's Slack messages
 * that carried it (the advice post, nudge DMs that quoted it, booking DMs, briefs) are rewritten to a
 * short notice in their reader's language. Database first, then Slack, each message once
 * (usecases/erasure.ts, slack/erasurePosting.ts); a crashed run's rerun rewrites what is left. Write-up
 * drafts and text (#19) go with their session too. Slack event ids claimed over a week ago are forgotten
 * (usecases/slackEvents.ts): Slack stopped retrying them long before.
 */
import { deliveryOptions } from '../delivery/deliver.js';
import { rewriteErasedMessages } from '../slack/erasurePosting.js';
import { eraseFromDatabase, plannedErasureWork, retentionTargets } from '../usecases/erasure.js';
import { forgetOldEventClaims } from '../usecases/slackEvents.js';
import { purgeExpiredWriteups } from '../usecases/writeupBuilder.js';
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
  // Write-ups of sessions whose alias and topic were already purged (or never set) are found by date.
  const writeups = await purgeExpiredWriteups(deps, opts.now, false);
  const eventClaims = await forgetOldEventClaims(deps, opts.now);
  const { report, settled } = await rewriteErasedMessages(deps, delivery);
  deps.logger.info(
    {
      consultations: targets.consultations.length,
      sessions: targets.sessions.length,
      writeups,
      eventClaims,
      settled,
    },
    'retention: client text purged; bot messages rewritten',
  );
  return { job: 'retention', ...report };
};
