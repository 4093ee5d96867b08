/**
 * quota-reminders: every roster supporter below quota for the target month (current month before the
 * 20th, next month from the 20th; --month overrides), not away or exempt, gets at most one DM per target
 * month per local day — with their count, what is missing, weekly patterns they tend to offer (each with
 * the days it would clash with their main-job busy calendar, if they set one), and a button that opens the
 * slots modal for that month. A busy calendar that can't be read just leaves its note out (each fetch is
 * bounded by its 5 s timeout, a few at once); a dry run reads none.
 */
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import { patternClashDates } from '../domain/busy.js';
import { localDateOf } from '../domain/calendar.js';
import { missingSlots } from '../domain/quota.js';
import { patternText, weeklyPatterns } from '../domain/suggestions.js';
import { targetMonth } from '../domain/targetMonth.js';
import { messages } from '../i18n/index.js';
import { quotaReminderBlocks } from '../slack/blocks/reminders.js';
import { busyInMonth } from '../usecases/busyTimes.js';
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
  const busy = opts.dryRun
    ? new Map()
    : await busyInMonth(
        deps,
        below.map((s) => s.supporterId),
        month,
        opts.now,
      );
  const outgoing: Outgoing[] = below.map((s) => {
    const locale = localeOf(s.supporterId);
    const m = messages(locale);
    const busyTimes = busy.get(s.supporterId);
    const ideas = weeklyPatterns(history.get(s.supporterId) ?? [], config.timezone).map((p) => {
      const dates = busyTimes ? patternClashDates(p, month, config.timezone, opts.now, busyTimes) : [];
      const note = dates.length ? m.busy.suggestionClash({ dates: dates.map(shortDate).join(', ') }) : '';
      return { text: patternText(p, locale), ...(note ? { note } : {}) };
    });
    const text = m.jobs.quotaText({ month, count: s.count, quota: s.quota, missing: missingSlots(s) });
    const blocks = quotaReminderBlocks(m, text, ideas, month);
    return { key: `quota:${s.supporterId}:${month}:${day}`, recipient: s.supporterId, text, blocks };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('quota-reminders', opts));
  return { job: 'quota-reminders', ...report };
};

/** `2026-12-08` → `12/8`. */
const shortDate = (localDate: string): string => {
  const [, mo, d] = localDate.split('-');
  return `${Number(mo)}/${Number(d)}`;
};
