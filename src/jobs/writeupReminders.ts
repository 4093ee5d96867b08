/**
 * writeup-reminders: one DM per session whose strengths write-up is still pending 24 h after it ended
 * (held, or not answered: a no-show or a cancelled session owes none)
 * (sessions that ended within the last 30 days, so a first deployment doesn't flood people about old
 * ones), with a button to record it as sent. Overdue ones also appear in the operator digest.
 */
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import { formatSlotWhen } from '../domain/calendar.js';
import { messages } from '../i18n/index.js';
import { writeupReminderBlocks } from '../slack/blocks/reminders.js';
import { localesFor } from '../usecases/locales.js';
import { writeupsToRemind } from '../usecases/reminders.js';
import type { Job } from './types.js';

export const writeupReminders: Job = async (deps, opts) => {
  const sessions = await writeupsToRemind(deps, opts.now);
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
      blocks: writeupReminderBlocks(m, text, s.id, s.session_id),
    };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('writeup-reminders', opts));
  return { job: 'writeup-reminders', ...report };
};
