/**
 * advice-nudges: the ladder on the session's clock for a consultation nobody else has answered (when:
 * domain/nudges.ts; who, recorded before anything is sent: usecases/nudges.ts):
 * - stage 1: DMs to up to 3 matching experts (key `nudge:<id>:<user>`), or a bump in the thread when
 *   nobody matches (`nudge:<id>:#bump`) — the keys of the one nudge before the ladder, so a run that
 *   crashed under the old rule resumes;
 * - stage 2: a bump in the thread mentioning up to 5 more supporters (`nudge:<id>:stage2`);
 * - stage 3: the operators — the operator channel, else a DM to each of OPERATOR_USER_IDS
 *   (`nudge:<id>:stage3:<recipient>`) — a link and the session's time, never the client's text.
 * Each key goes out once whatever the reruns (the delivery ledger); an answer stops the ladder.
 */

import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { formatSlotWhen } from '../domain/calendar.js';
import { BUMP } from '../domain/nudges.js';
import { type Locale, messages } from '../i18n/index.js';
import { escapeMrkdwn, truncate } from '../slack/blocks/kit.js';
import { digestRecipients } from '../slack/digestPosting.js';
import { type LocaleOf, localesFor } from '../usecases/locales.js';
import { type DueNudge, dueNudges, settleNudges } from '../usecases/nudges.js';
import type { Job } from './types.js';

export const adviceNudges: Job = async (deps, opts) => {
  const due = await dueNudges(deps, opts.now, !opts.dryRun);
  const localeOf = await localesFor(deps);
  const outgoing: Outgoing[] = [];
  const links = new Map<number, Promise<string>>();
  const linkOf = (c: DueNudge['consultation']) => {
    if (!links.has(c.id)) {
      links.set(
        c.id,
        deps.slack.chat
          .getPermalink({ channel: c.channel!, message_ts: c.ts! })
          .then((r) => r.permalink ?? '')
          .catch(() => ''),
      );
    }
    return links.get(c.id)!;
  };
  for (const nudge of due) {
    outgoing.push(...messagesFor(deps, nudge, localeOf, opts.now, await linkOf(nudge.consultation)));
  }
  const report = await deliverAll(deps, outgoing, deliveryOptions('advice-nudges', opts));
  if (!opts.dryRun) {
    await settleNudges(
      deps,
      due.filter((n) => n.stage === 1).map((n) => n.consultation),
      opts.now,
    );
  }
  return { job: 'advice-nudges', ...report };
};

const messagesFor = (
  deps: JobDeps,
  { consultation: c, recipients, tags, stage }: DueNudge,
  localeOf: LocaleOf,
  now: Date,
  link: string,
): Outgoing[] => {
  const when = (locale: Locale) =>
    formatSlotWhen(c.session_start, 60, deps.config.timezone, locale, now).replace(/–\d{2}:\d{2}$/, '');
  const channelLocale = deps.config.defaultLocale;
  const inThread = { recipient: c.channel!, threadTs: c.ts! };
  if (stage === 2) {
    const text = messages(channelLocale).jobs.ladderBumpText({
      when: when(channelLocale),
      mentions: recipients.map((u) => `<@${u}>`).join(' '),
    });
    return [{ key: `nudge:${c.id}:stage2`, ...inThread, text }];
  }
  if (stage === 3) {
    return digestRecipients(deps).map((recipient) => {
      const locale =
        recipient.startsWith('C') || recipient.startsWith('G') ? channelLocale : localeOf(recipient);
      const text = messages(locale).jobs.ladderOperatorsText({
        asker: c.supporter_id,
        id: c.id,
        when: when(locale),
        link,
      });
      return { key: `nudge:${c.id}:stage3:${recipient}`, recipient, text };
    });
  }
  return recipients.map((recipient) => {
    if (recipient === BUMP) {
      const text = messages(channelLocale).jobs.bumpText({ when: when(channelLocale) });
      return { key: `nudge:${c.id}:bump`, ...inThread, text };
    }
    const locale = localeOf(recipient);
    const text = messages(locale).jobs.nudgeText({
      asker: c.supporter_id,
      id: c.id,
      tags: tags.map((t) => `#${escapeMrkdwn(t)}`).join(' '),
      question: escapeMrkdwn(truncate(c.question.replace(/\n/g, ' '), 300)),
      when: when(locale),
      link,
    });
    return { key: `nudge:${c.id}:${recipient}`, recipient, text };
  });
};
