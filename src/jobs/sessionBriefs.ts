/**
 * session-briefs (SESSION_BRIEF_CRON, every 15 min by default): deterministic for a given `now`, each
 * message once across reruns, restarts and instances through the delivery's keys:
 * - a brief to the supporter BRIEF_HOURS_BEFORE (24 and 1 by default) hours before each booked session —
 *   key `brief:<session id>:<hours>` (`brief:slot:<slot id>:<hours>` for a slot booked by /consult alone,
 *   which has no session record) — with time, plan, alias, topic and the consultation asked about it (how
 *   many answers, from whom, a link to the thread) or a button to ask peers. Catch-up: a brief whose time
 *   passed while the app was down is still sent if the session has not started; only the most recent one
 *   due, so a late booking or a long outage sends one brief, not every one it missed.
 * - the booking DM of a session booked in the last 24 h that has not started, under the key its booking
 *   used (`booking:<session id>`): sent now only if the one at booking time was lost (Slack down, crash).
 * A follow-up's brief also shows the "next step" of the last write-up its supporter wrote for the same
 * client alias (issue #19), when there is one.
 */
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { briefDm } from '../slack/blocks/sessions.js';
import { bookingMessage } from '../slack/bookingPosting.js';
import { permalinkOf } from '../slack/studyPosting.js';
import { type LocaleOf, localesFor } from '../usecases/locales.js';
import { type DueBrief, dueBriefs, recentBookings } from '../usecases/sessionBriefs.js';
import { lastNextStep } from '../usecases/writeupBuilder.js';
import type { Job } from './types.js';

export const briefKey = (b: Pick<DueBrief, 'sessionId' | 'slotId' | 'hours'>): string =>
  b.sessionId === null ? `brief:slot:${b.slotId}:${b.hours}` : `brief:${b.sessionId}:${b.hours}`;

const briefMessage = async (deps: JobDeps, b: DueBrief, localeOf: LocaleOf, now: Date): Promise<Outgoing> => {
  const locale = localeOf(b.supporterId);
  const link = b.consultation ? await permalinkOf(deps.slack, b.consultation) : undefined;
  const nextStep =
    b.plan === 'followup' ? await lastNextStep(deps, b.supporterId, b.alias, b.startUtc) : undefined;
  const dm = briefDm(
    {
      m: messages(locale),
      locale,
      zone: deps.config.timezone,
      now,
      sessionId: b.sessionId,
      startUtc: b.startUtc,
      minutes: b.minutes,
      plan: b.plan,
      alias: b.alias,
      topic: b.topic,
    },
    b.hours,
    b.consultation && { ...b.consultation, link },
    nextStep,
  );
  return { key: briefKey(b), recipient: b.supporterId, ...dm };
};

export const sessionBriefs: Job = async (deps, opts) => {
  const [briefs, bookings, localeOf] = await Promise.all([
    dueBriefs(deps, opts.now),
    recentBookings(deps, opts.now),
    localesFor(deps),
  ]);
  const outgoing: Outgoing[] = [
    ...bookings.map((b) => bookingMessage(deps, localeOf, b, opts.now)),
    ...(await Promise.all(briefs.map((b) => briefMessage(deps, b, localeOf, opts.now)))),
  ];
  const report = await deliverAll(deps, outgoing, deliveryOptions('session-briefs', opts));
  return { job: 'session-briefs', ...report };
};
