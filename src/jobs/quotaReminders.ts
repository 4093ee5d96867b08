/**
 * quota-reminders: every roster supporter below quota for the target month (current month before the
 * 20th, next month from the 20th; --month overrides), not away or exempt, gets at most one DM per target
 * month per local day — with their count, what is missing, weekly patterns they tend to offer, and a
 * button that opens the slots modal for that month.
 */
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import { localDateOf } from '../domain/calendar.js';
import { missingSlots } from '../domain/quota.js';
import { patternText, weeklyPatterns } from '../domain/suggestions.js';
import { targetMonth } from '../domain/targetMonth.js';
import { messages } from '../i18n/index.js';
import { quotaReminderBlocks } from '../slack/blocks/reminders.js';
import { localesFor } from '../usecases/locales.js';
import { quotaReminderData } from '../usecases/reminders.js';
import { syncRosterFromChannel } from './rosterSync.js';
import type { Job } from './types.js';

export const quotaReminders: Job = async (deps, opts) => {
  const { config } = deps;
  const month = opts.month ?? targetMonth(opts.now, config.timezone);
  if (!opts.dryRun) await syncRosterFromChannel(deps, opts.now);
  const { below, history } = await quotaReminderData(deps, month);
  const localeOf = await localesFor(deps);
  const day = localDateOf(opts.now, config.timezone);
  const outgoing: Outgoing[] = below.map((s) => {
    const locale = localeOf(s.supporterId);
    const m = messages(locale);
    const ideas = weeklyPatterns(history.get(s.supporterId) ?? [], config.timezone).map((p) =>
      patternText(p, locale),
    );
    const text = m.jobs.quotaText({ month, count: s.count, quota: s.quota, missing: missingSlots(s) });
    const blocks = quotaReminderBlocks(m, text, ideas, month);
    return { key: `quota:${s.supporterId}:${month}:${day}`, recipient: s.supporterId, text, blocks };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('quota-reminders', opts));
  return { job: 'quota-reminders', ...report };
};
