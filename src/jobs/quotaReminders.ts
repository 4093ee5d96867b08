/**
 * quota-reminders: every roster supporter below quota for the target month (current month before the
 * 20th, next month from the 20th; --month overrides), not away or exempt, gets at most one DM per target
 * month per local day — with their count, what is missing, weekly patterns they tend to offer, and a
 * button that opens the slots modal for that month.
 */
import type { KnownBlock } from '@slack/types';
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { addMonths, localDateOf, monthBounds } from '../domain/calendar.js';
import { isBelowQuota, missingSlots } from '../domain/quota.js';
import { patternText, weeklyPatterns } from '../domain/suggestions.js';
import { targetMonth } from '../domain/targetMonth.js';
import { messages } from '../i18n/index.js';
import { button, section } from '../slack/blocks/kit.js';
import { IDS } from '../slack/ids.js';
import { localesFor } from '../usecases/locales.js';
import { rosterStandings } from '../usecases/standing.js';
import { syncRosterFromChannel } from './rosterSync.js';
import type { Job } from './types.js';

export const quotaReminders: Job = async (deps, opts) => {
  const { config } = deps;
  const month = opts.month ?? targetMonth(opts.now, config.timezone);
  if (!opts.dryRun) await syncRosterFromChannel(deps, opts.now);
  const standings = (await rosterStandings(deps.db, config, month)).filter(isBelowQuota);
  const localeOf = await localesFor(deps);
  const history = await recentStarts(
    deps,
    standings.map((s) => s.supporterId),
    month,
  );
  const day = localDateOf(opts.now, config.timezone);
  const outgoing: Outgoing[] = standings.map((s) => {
    const locale = localeOf(s.supporterId);
    const m = messages(locale);
    const ideas = weeklyPatterns(history.get(s.supporterId) ?? [], config.timezone).map((p) =>
      patternText(p, locale),
    );
    const text = m.jobs.quotaText({ month, count: s.count, quota: s.quota, missing: missingSlots(s) });
    const blocks: KnownBlock[] = [
      section(text),
      ...(ideas.length
        ? [section(`${m.jobs.quotaSuggest({})}\n${ideas.map((i) => `• \`${i}\``).join('\n')}`)]
        : []),
      {
        type: 'actions',
        elements: [button(m.jobs.quotaButton({}), IDS.actions.openSlotsModal, month, 'primary')],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: m.jobs.quotaAwayHint({ month }) }] },
    ];
    return { key: `quota:${s.supporterId}:${month}:${day}`, recipient: s.supporterId, text, blocks };
  });
  const report = await deliverAll(deps, outgoing, deliveryOptions('quota-reminders', opts));
  return { job: 'quota-reminders', ...report };
};

/** Slot starts from three months before `month` to its end, per supporter, for pattern suggestions. */
const recentStarts = async (deps: JobDeps, ids: string[], month: string): Promise<Map<string, string[]>> => {
  const map = new Map<string, string[]>();
  if (!ids.length) return map;
  const from = monthBounds(addMonths(month, -3), deps.config.timezone).startUtc;
  const to = monthBounds(month, deps.config.timezone).endUtc;
  const rows = await deps.db
    .selectFrom('slots')
    .select(['supporter_id', 'start_at'])
    .where('supporter_id', 'in', ids)
    .where('status', 'in', ['open', 'booked'])
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .execute();
  for (const r of rows) map.set(r.supporter_id, [...(map.get(r.supporter_id) ?? []), r.start_at]);
  return map;
};
