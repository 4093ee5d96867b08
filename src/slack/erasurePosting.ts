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
import { recordAudit } from '../usecases/audit.js';
import {
  type EraseTarget,
  type ErasureTargets,
  type ErasureWork,
  eraseFromDatabase,
  erasureWork,
  plannedErasureWork,
  rewriteKey,
  settleErasures,
  targetsOf,
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

export type EraseOutcome = {
  targets: ErasureTargets;
  /** The bot messages rewritten (or, in a dry run, to rewrite): where, under which key; never their text. */
  messages: Array<{ key: string; channel: string; ts: string }>;
  report: DeliveryReport;
};

/**
 * An erase request (`supporter-desk erase`, `/supporter erase`): the targets' text leaves the database,
 * their messages are rewritten to the "deleted on request" notice, and the erasure is logged. Again on
 * the same target: nothing more changes. A dry run reports what would change and changes nothing.
 */
export const eraseOnRequest = async (
  deps: JobDeps,
  target: EraseTarget,
  opts: { actor: string; now: Date; dryRun?: boolean; onProgress?: DeliveryOptions['onProgress'] },
): Promise<EraseOutcome> => {
  const targets = await targetsOf(deps, target);
  const dryRun = !!opts.dryRun;
  const delivery: DeliveryOptions = {
    job: 'erase',
    now: opts.now,
    dryRun,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  };
  if (!dryRun) await eraseFromDatabase(deps, targets, 'erase', opts.now);
  const planned = dryRun ? await plannedErasureWork(deps, targets, 'erase') : undefined;
  const { work, report } = await rewriteErasedMessages(deps, {
    ...delivery,
    only: targets,
    ...(planned ? { planned } : {}),
  });
  const messages = work.flatMap((w) => w.messages.map(({ key, channel, ts }) => ({ key, channel, ts })));
  await recordAudit(
    deps,
    {
      actor: opts.actor,
      action: 'erase',
      target: targetName(target),
      detail: {
        consultations: targets.consultations.length,
        sessions: targets.sessions.length,
        messages: messages.length,
        rewritten: report.sent,
        dryRun,
      },
    },
    opts.now,
  );
  return { targets, messages, report };
};

export const targetName = (t: EraseTarget): string =>
  'consultation' in t
    ? `consultation:${t.consultation}`
    : 'session' in t
      ? `session:${t.session}`
      : `supporter:${t.supporter}`;
