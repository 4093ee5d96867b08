/**
 * Rewriting the bot's own Slack messages whose client text was erased (usecases/erasure.ts): each becomes a
 * short notice in its reader's language (a channel post: DEFAULT_LOCALE; a DM: the supporter's), sent
 * with chat.update through the delivery under `rewrite:<the message's key>`, so it happens once however
 * often it is retried, waits out 429s like every other send, and a crash between the update and its record
 * is recognised by the key in the message's metadata (src/delivery/slackCalls.ts).
 */

import type { DeliveryOptions, DeliveryReport, Outgoing } from '../delivery/deliver.js';
import { deliverAll } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { type Locale, messages } from '../i18n/index.js';
import {
  type ErasureTargets,
  type ErasureWork,
  erasureWork,
  rewriteKey,
  settleErasures,
} from '../usecases/erasure.js';
import { localesFor } from '../usecases/locales.js';
import { section } from './blocks/kit.js';

export type RewriteResult = { work: ErasureWork[]; report: DeliveryReport; settled: number };

const noticeFor = (
  deps: Pick<JobDeps, 'config'>,
  locale: Locale,
  reason: ErasureWork['erasure']['reason'],
) => {
  const m = messages(locale).privacy;
  return reason === 'retention' ? m.retentionNotice({ days: deps.config.retentionDays }) : m.erasedNotice({});
};

export const rewriteMessages = async (deps: JobDeps, work: readonly ErasureWork[]): Promise<Outgoing[]> => {
  const localeOf = await localesFor(deps);
  const seen = new Set<string>();
  const outgoing: Outgoing[] = [];
  for (const { erasure, messages: list } of work) {
    for (const message of list) {
      const key = rewriteKey(message);
      if (seen.has(key)) continue;
      seen.add(key);
      const locale = /^[UW]/.test(message.reader) ? localeOf(message.reader) : deps.config.defaultLocale;
      const text = noticeFor(deps, locale, erasure.reason);
      outgoing.push({
        key,
        recipient: message.reader,
        text,
        blocks: [section(`:wastebasket: ${text}`)],
        update: { channel: message.channel, ts: message.ts },
      });
    }
  }
  return outgoing;
};

/**
 * Rewrites the messages of the erasures waiting in the queue (only those of `only`, when given) and takes
 * the finished ones off it. A dry run lists the rewrites of `planned` (or of the queue) and changes nothing.
 */
export const rewriteErasedMessages = async (
  deps: JobDeps,
  opts: DeliveryOptions & { only?: ErasureTargets; planned?: ErasureWork[] },
): Promise<RewriteResult> => {
  const { only, planned, ...delivery } = opts;
  const work = planned ?? (await erasureWork(deps, only));
  const report = await deliverAll(deps, await rewriteMessages(deps, work), delivery);
  const settled = delivery.dryRun ? 0 : await settleErasures(deps, work, delivery.now);
  return { work, report, settled };
};
