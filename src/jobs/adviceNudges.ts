/**
 * advice-nudges: a consultation nobody else has answered within ADVICE_NUDGE_HOURS of posting, or within
 * 24 h of its session, gets one nudge: DMs to up to 3 supporters whose expertise matches its tags (never
 * the asker, not away that month, fewest recent nudges first so the load spreads), or a bump in its
 * thread when nobody matches (who and when: domain/nudges.ts; recorded by usecases/nudges.ts before
 * anything is sent, so a crashed run resumes with the same people).
 */

import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { formatSlotWhen } from '../domain/calendar.js';
import { BUMP } from '../domain/nudges.js';
import { type Locale, messages } from '../i18n/index.js';
import { escapeMrkdwn, truncate } from '../slack/blocks/kit.js';
import { type LocaleOf, localesFor } from '../usecases/locales.js';
import { type DueNudge, dueNudges, settleNudges } from '../usecases/nudges.js';
import type { Job } from './types.js';

export const adviceNudges: Job = async (deps, opts) => {
  const due = await dueNudges(deps, opts.now, !opts.dryRun);
  const localeOf = await localesFor(deps);
  const outgoing: Outgoing[] = [];
  for (const nudge of due) outgoing.push(...(await messagesFor(deps, nudge, localeOf, opts.now)));
  const report = await deliverAll(deps, outgoing, deliveryOptions('advice-nudges', opts));
  if (!opts.dryRun) {
    await settleNudges(
      deps,
      due.map((n) => n.consultation),
      opts.now,
    );
  }
  return { job: 'advice-nudges', ...report };
};

const messagesFor = async (
  deps: JobDeps,
  { consultation: c, recipients, tags }: DueNudge,
  localeOf: LocaleOf,
  now: Date,
): Promise<Outgoing[]> => {
  const link = await deps.slack.chat
    .getPermalink({ channel: c.channel!, message_ts: c.ts! })
    .then((r) => r.permalink ?? '')
    .catch(() => '');
  const when = (locale: Locale) =>
    formatSlotWhen(c.session_start, 60, deps.config.timezone, locale, now).replace(/–\d{2}:\d{2}$/, '');
  return recipients.map((recipient) => {
    if (recipient === BUMP) {
      const text = messages(deps.config.defaultLocale).jobs.bumpText({
        when: when(deps.config.defaultLocale),
      });
      return { key: `nudge:${c.id}:bump`, recipient: c.channel!, threadTs: c.ts!, text };
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
