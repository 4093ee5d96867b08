/**
 * operator-digest: one message per local day to OPERATOR_CHANNEL_ID (or a DM to each operator when no
 * channel is set). `/supporter digest` posts the same content on demand.
 */

import { deliverAll, deliveryOptions } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { localDateOf, monthOf } from '../domain/calendar.js';
import { messages } from '../i18n/index.js';
import { buildDigest } from '../slack/blocks/digest.js';
import { digestData } from '../usecases/digest.js';
import type { Job } from './types.js';

/** Where the digest goes: the operators' channel, else each operator's DM. */
export const digestRecipients = (deps: Pick<JobDeps, 'config'>): string[] =>
  deps.config.channels.operators ? [deps.config.channels.operators] : [...deps.config.operatorUserIds];

/** The digest message for `month` as of `now`, with permalinks for the consultations it lists. */
export const composeDigest = async (deps: JobDeps, now: Date, month: string) => {
  const locale = deps.config.defaultLocale;
  const data = await digestData(deps, month, now);
  const links = new Map<number, string>();
  for (const c of data.unanswered.slice(0, 10)) {
    if (!c.channel || !c.ts) continue;
    const link = await deps.slack.chat
      .getPermalink({ channel: c.channel, message_ts: c.ts })
      .then((r) => r.permalink)
      .catch(() => undefined);
    if (link) links.set(c.id, link);
  }
  return buildDigest({ m: messages(locale), locale, zone: deps.config.timezone, now }, data, links);
};

export const operatorDigest: Job = async (deps, opts) => {
  const month = opts.month ?? monthOf(opts.now, deps.config.timezone);
  const day = localDateOf(opts.now, deps.config.timezone);
  const message = await composeDigest(deps, opts.now, month);
  const report = await deliverAll(
    deps,
    digestRecipients(deps).map((recipient) => ({ key: `digest:${day}:${recipient}`, recipient, ...message })),
    deliveryOptions('operator-digest', opts),
  );
  return { job: 'operator-digest', ...report };
};
