/**
 * operator-digest: one message per local day to OPERATOR_CHANNEL_ID (or a DM to each operator when no
 * channel is set). `/supporter digest` posts the same content on demand (src/slack/digestPosting.ts).
 */
import { deliverAll, deliveryOptions } from '../delivery/deliver.js';
import { localDateOf, monthOf } from '../domain/calendar.js';
import { composeDigest, digestRecipients } from '../slack/digestPosting.js';
import { recordAudit } from '../usecases/audit.js';
import type { Job } from './types.js';

export const operatorDigest: Job = async (deps, opts) => {
  const month = opts.month ?? monthOf(opts.now, deps.config.timezone);
  const day = localDateOf(opts.now, deps.config.timezone);
  const message = await composeDigest(deps, deps.slack, opts.now, month);
  const report = await deliverAll(
    deps,
    digestRecipients(deps).map((recipient) => ({ key: `digest:${day}:${recipient}`, recipient, ...message })),
    deliveryOptions('operator-digest', opts),
  );
  if (report.sent > 0) {
    const target = digestRecipients(deps).join(' ');
    await recordAudit(deps, { actor: 'job:operator-digest', action: 'digest_post', target }, opts.now);
  }
  return { job: 'operator-digest', ...report };
};
