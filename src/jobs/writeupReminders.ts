/**
 * writeup-reminders: one DM per session whose strengths write-up is still pending 24 h after it ended
 * (sessions that ended within the last 30 days, so a first deployment doesn't flood people about old
 * ones), with a button to record it as sent. Overdue ones also appear in the operator digest.
 */
import { DateTime } from 'luxon';
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import { formatSlotWhen, toUtcIso } from '../domain/calendar.js';
import { messages } from '../i18n/index.js';
import { button, section } from '../slack/blocks/kit.js';
import { IDS } from '../slack/ids.js';
import { localesFor } from '../usecases/locales.js';
import type { Job } from './types.js';

export const WRITEUP_REMINDER_AFTER_HOURS = 24;
export const WRITEUP_REMINDER_LOOKBACK_DAYS = 30;

export const writeupReminders: Job = async (deps, opts) => {
  const now = DateTime.fromJSDate(opts.now);
  const sessions = await deps.db
    .selectFrom('slots as s')
    .leftJoin('consultations as c', 'c.slot_id', 's.id')
    .select(['s.id', 's.supporter_id', 's.start_at', 's.minutes', 'c.id as consultation_id'])
    .where('s.status', '=', 'booked')
    .where('s.writeup_done_at', 'is', null)
    .where('s.end_at', '<=', toUtcIso(now.minus({ hours: WRITEUP_REMINDER_AFTER_HOURS })))
    .where('s.end_at', '>', toUtcIso(now.minus({ days: WRITEUP_REMINDER_LOOKBACK_DAYS })))
    .orderBy('s.end_at')
    .execute();
  const localeOf = await localesFor(deps);
  const outgoing: Outgoing[] = sessions.map((s) => {
    const locale = localeOf(s.supporter_id);
    const m = messages(locale);
    const when = formatSlotWhen(s.start_at, s.minutes, deps.config.timezone, locale, opts.now);
    const text = m.jobs.writeupText({ when, ...(s.consultation_id ? { id: s.consultation_id } : {}) });
    return {
      key: `writeup:${s.id}`,
      recipient: s.supporter_id,
      text,
      blocks: [
        {
          ...section(text),
          accessory: button(m.jobs.writeupButton({}), IDS.actions.writeupDone, String(s.id), 'primary'),
        },
      ],
    };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('writeup-reminders', opts));
  return { job: 'writeup-reminders', ...report };
};
