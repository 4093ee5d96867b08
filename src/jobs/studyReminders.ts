/**
 * study-reminders (every 15 min by default): for study sessions (勉強会), deterministic for a given `now`,
 * each message once across reruns through the delivery's keys:
 * - the day before: a DM to everyone with a seat (参加, not waiting) when the session starts within 24 h
 *   but more than 1 h from now — key `study:<id>:<user>:day`;
 * - 1 hour before: a DM when it starts within the hour — key `study:<id>:<user>:hour`
 *   (someone who says 参加 late gets the reminder of the window they are in; a missed one is not made up);
 * - after it ends (within the last 7 days): one message to the host in the post's thread asking for the
 *   notes or slides link — key `study:<id>:followup`;
 * - a cancelled session that has not started: its cancellation DMs again, with the keys `/study cancel`
 *   used, so a notice lost to a crash or an outage still goes out once.
 */
import type { StudyRsvp, StudySession } from '../db/schema.js';
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { formatSlotWhen } from '../domain/calendar.js';
import { reminderDue } from '../domain/study.js';
import { messages } from '../i18n/index.js';
import { escapeMrkdwn } from '../slack/blocks/kit.js';
import { cancellationMessages, permalinkOf } from '../slack/studyPosting.js';
import { type LocaleOf, localesFor } from '../usecases/locales.js';
import { studyReminderData } from '../usecases/reminders.js';
import { cancellationRecipients } from '../usecases/study.js';
import type { Job } from './types.js';

export const studyReminders: Job = async (deps, opts) => {
  const { soon, ended, cancelled, rsvps } = await studyReminderData(deps, opts.now);
  const localeOf = await localesFor(deps);
  const links = await linksOf(deps, soon);
  const outgoing: Outgoing[] = [
    ...soon.flatMap((s) => reminders(deps, s, rsvps, localeOf, links.get(s.id), opts.now)),
    ...ended.map((s) => followup(deps, s)),
    ...cancelled.flatMap((s) =>
      cancellationMessages(
        { session: s, localeOf, zone: deps.config.timezone, now: opts.now, link: undefined },
        cancellationRecipients(
          s,
          rsvps.filter((r) => r.session_id === s.id),
        ),
      ),
    ),
  ];
  const report = await deliverAll(deps, outgoing, deliveryOptions('study-reminders', opts));
  return { job: 'study-reminders', ...report };
};

const linksOf = async (deps: JobDeps, sessions: StudySession[]): Promise<Map<number, string>> => {
  const links = new Map<number, string>();
  for (const s of sessions) {
    const link = await permalinkOf(deps.slack, s);
    if (link) links.set(s.id, link);
  }
  return links;
};

const reminders = (
  deps: JobDeps,
  s: StudySession,
  rsvps: readonly StudyRsvp[],
  localeOf: LocaleOf,
  link: string | undefined,
  now: Date,
): Outgoing[] => {
  const kind = reminderDue(s.start_at, now);
  if (!kind) return [];
  const seated = rsvps.filter((r) => r.session_id === s.id && r.answer === 'going' && r.waitlisted === 0);
  return seated.map((r) => {
    const locale = localeOf(r.user_id);
    const m = messages(locale);
    const p = {
      title: escapeMrkdwn(s.title),
      when: formatSlotWhen(s.start_at, s.minutes, deps.config.timezone, locale, now),
      host: s.host_id,
      link: link ?? '',
    };
    return {
      key: `study:${s.id}:${r.user_id}:${kind}`,
      recipient: r.user_id,
      text: kind === 'day' ? m.study.reminderDay(p) : m.study.reminderHour(p),
    };
  });
};

/** In the post's thread (a DM to the host when the session was never posted). */
const followup = (deps: JobDeps, s: StudySession): Outgoing => {
  const text = messages(deps.config.defaultLocale).study.followupText({
    host: s.host_id,
    title: escapeMrkdwn(s.title),
  });
  const key = `study:${s.id}:followup`;
  return s.channel && s.ts
    ? { key, recipient: s.channel, threadTs: s.ts, text }
    : { key, recipient: s.host_id, text };
};
