/**
 * The booking DM "予約が入りました / New booking", sent through the delivery under the key
 * `booking:<session id>`, so it goes out once however the booking came (command, webhook, CSV) and
 * however often it is retried: `session-briefs` sends any that a failure left unsent.
 */
import type { DeliveryReport, Outgoing } from '../delivery/deliver.js';
import { deliverAll } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { type Locale, messages } from '../i18n/index.js';
import type { LocaleOf } from '../usecases/locales.js';
import { localesFor } from '../usecases/locales.js';
import type { Booked } from '../usecases/sessions.js';
import { bookingDm } from './blocks/sessions.js';

export const BOOKING_DM_JOB = 'bookings';

export const bookingKey = (sessionId: number): string => `booking:${sessionId}`;

export const bookingMessage = (
  deps: Pick<JobDeps, 'config'>,
  localeOf: LocaleOf,
  { session, slot }: Booked,
  now: Date,
): Outgoing => {
  const locale = localeOf(session.supporter_id);
  const dm = bookingDm({
    m: messages(locale),
    locale,
    zone: deps.config.timezone,
    now,
    sessionId: session.id,
    startUtc: slot.start_at,
    minutes: slot.minutes,
    plan: session.plan,
    alias: session.client_alias,
    topic: session.topic,
  });
  return { key: bookingKey(session.id), recipient: session.supporter_id, ...dm };
};

/**
 * Sends the booking DMs now; a failure is logged (the booking stands, the job sends the DM later). Each in
 * the supporter's language: `locale` when the caller knows it (they just typed the command), else the one
 * stored for them (chosen with `/supporter lang`, else their Slack locale as last seen).
 */
export const sendBookingDms = async (
  deps: JobDeps,
  booked: readonly Booked[],
  now: Date,
  locale?: Locale,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<DeliveryReport | undefined> => {
  if (!booked.length) return undefined;
  try {
    const stored = await localesFor(deps);
    const localeOf: LocaleOf = locale ? () => locale : stored;
    const outgoing = booked.map((b) => bookingMessage(deps, localeOf, b, now));
    return await deliverAll(deps, outgoing, {
      job: BOOKING_DM_JOB,
      now,
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (err) {
    deps.logger.warn({ err, sessions: booked.map((b) => b.session.id) }, 'could not send the booking DM');
    return undefined;
  }
};
