/**
 * `/supporter`: joining and leaving the roster, expertise, away months, language — and the operator-only
 * exempt and quota settings (checked here against OPERATOR_USER_IDS, whatever the caller).
 */

import {
  allSupporterIds,
  awayMonths,
  channelSourcedIds,
  ensureSupporter,
  getExpertise,
  getSupporter,
  listActiveSupporterIds,
  markLeft,
  rememberSlackLocale,
  setExpertise,
  setLocale,
  setMonthFlag,
  setQuotaFrom,
} from '../db/repositories/supporters.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { addMonths, monthOf, parseMonth, toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { MAX_TAG_LENGTH, parseTagList, rejectedTag } from '../domain/tags.js';
import type { Locale } from '../i18n/index.js';
import { type BusyState, busyState, forgetBusyCalendar } from './busyTimes.js';
import { type SupporterStanding, standingOf } from './standing.js';

export const MAX_TAGS = 10;

export const joinRoster = async (deps: UseCaseDeps, userId: string, now: Date) => {
  const r = await ensureSupporter(deps.db, userId, 'command', toUtcIso(now));
  return { alreadyMember: !r.created && !r.rejoined };
};

/** Leaving also forgets the busy calendar: a secret of their employer's the app no longer needs. */
export const leaveRoster = async (deps: UseCaseDeps, userId: string, now: Date) => {
  const wasMember = await markLeft(deps.db, userId, toUtcIso(now));
  await forgetBusyCalendar(deps, userId);
  return { wasMember };
};

export const updateExpertise = async (deps: UseCaseDeps, userId: string, text: string, now: Date) => {
  // A word that can't be a tag refuses the whole list: storing the rest would quietly replace the old
  // expertise with less than the supporter wrote.
  const rejected = rejectedTag(text);
  if (rejected?.reason === 'too_long') {
    const tag = `${[...rejected.word].slice(0, 12).join('')}…`;
    throw new DomainError('tag_too_long', { tag, length: [...rejected.word].length, max: MAX_TAG_LENGTH });
  }
  if (rejected) throw new DomainError('tag_invalid', { tag: rejected.word.slice(0, 30) });
  const tags = parseTagList(text);
  if (!tags.length) throw new DomainError('tags_empty');
  if (tags.length > MAX_TAGS) throw new DomainError('tags_too_many', { count: tags.length, max: MAX_TAGS });
  await writeTransaction(deps.db, async (trx) => {
    await ensureSupporter(trx, userId, 'command', toUtcIso(now));
    await setExpertise(trx, userId, tags);
  });
  return tags;
};

/** `2026-12 2027-01`, `2026/12`, `2026年12月` → months; every word must be a month, none in the past. */
export const parseMonths = (text: string, now: Date, zone: string): string[] => {
  const words = text
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .filter(Boolean);
  if (!words.length) throw new DomainError('month_invalid', { value: '' });
  const current = monthOf(now, zone);
  const months = words.map((w) => {
    const m = parseMonth(w);
    if (!m || m < current) throw new DomainError('month_invalid', { value: w });
    return m;
  });
  return [...new Set(months)].sort();
};

export const setAway = async (deps: UseCaseDeps, userId: string, text: string, now: Date) => {
  const months = parseMonths(text, now, deps.config.timezone);
  await writeTransaction(deps.db, async (trx) => {
    await ensureSupporter(trx, userId, 'command', toUtcIso(now));
    for (const m of months) await setMonthFlag(trx, userId, m, 'away', true);
  });
  return months;
};

/** Takes back months set away (the Home's 休みを取り消す). */
export const clearAway = async (deps: UseCaseDeps, userId: string, text: string, now: Date) => {
  const months = parseMonths(text, now, deps.config.timezone);
  await writeTransaction(deps.db, async (trx) => {
    for (const m of months) await setMonthFlag(trx, userId, m, 'away', false);
  });
  return months;
};

export type SupporterStatus = {
  member: boolean;
  expertise: string[];
  away: string[];
  standings: SupporterStanding[];
  busy: BusyState;
};

export const supporterStatus = async (
  deps: UseCaseDeps,
  userId: string,
  now: Date,
): Promise<SupporterStatus> => {
  const month = monthOf(now, deps.config.timezone);
  const supporter = await getSupporter(deps.db, userId);
  const [expertise, away, thisMonth, nextMonth, busy] = await Promise.all([
    getExpertise(deps.db, userId),
    awayMonths(deps.db, userId, month),
    standingOf(deps.db, deps.config, userId, month),
    standingOf(deps.db, deps.config, userId, addMonths(month, 1)),
    busyState(deps, userId),
  ]);
  return {
    member: !!supporter && !supporter.left_at,
    expertise,
    away,
    standings: [thisMonth, nextMonth],
    busy,
  };
};

export const chooseLanguage = async (deps: UseCaseDeps, userId: string, value: string, now: Date) => {
  const locale = value.trim().toLowerCase();
  if (locale !== 'ja' && locale !== 'en') throw new DomainError('locale_invalid', { value });
  await ensureSupporter(deps.db, userId, 'command', toUtcIso(now));
  await setLocale(deps.db, userId, locale);
  return locale as Locale;
};

export const assertOperator = (deps: UseCaseDeps, userId: string): void => {
  if (!deps.config.operatorUserIds.includes(userId)) throw new DomainError('permission_denied');
};

/** `exempt <@U123> 2026-12 [2027-01…]` (operators). */
export const exemptSupporter = async (deps: UseCaseDeps, operatorId: string, text: string, now: Date) => {
  assertOperator(deps, operatorId);
  const mention =
    /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/.exec(text) ?? /(?:^|\s)@?([UW][A-Z0-9]{2,})(?=\s|$)/.exec(text);
  if (!mention) throw new DomainError('user_mention_missing');
  const target = mention[1]!;
  const months = parseMonths(text.replace(mention[0], ' '), now, deps.config.timezone);
  await writeTransaction(deps.db, async (trx) => {
    await ensureSupporter(trx, target, 'command', toUtcIso(now));
    for (const m of months) await setMonthFlag(trx, target, m, 'exempt', true);
  });
  return { target, months };
};

/** `quota <n>` (operators): the quota from next month on; the current month keeps its promise. */
export const setFutureQuota = async (deps: UseCaseDeps, operatorId: string, text: string, now: Date) => {
  assertOperator(deps, operatorId);
  const value = text.normalize('NFKC').trim();
  const quota = Number(value);
  if (!/^\d+$/.test(value) || quota < 1 || quota > 31) throw new DomainError('quota_invalid', { value });
  const fromMonth = addMonths(monthOf(now, deps.config.timezone), 1);
  await setQuotaFrom(deps.db, fromMonth, quota, operatorId, toUtcIso(now));
  return { quota, fromMonth };
};

// ---------------------------------------------------------------------------------------------------------
// The roster following SUPPORTERS_CHANNEL_ID (the member_joined_channel event, the roster sync of jobs)

/** Someone seen in the supporters channel joins the roster (source `channel`); their Slack locale is kept. */
export const joinFromChannel = async (
  deps: UseCaseDeps,
  userId: string,
  slackLocale: string | undefined,
  now: Date,
): Promise<{ created: boolean }> => {
  const { created } = await ensureSupporter(deps.db, userId, 'channel', toUtcIso(now));
  if (slackLocale) await rememberSlackLocale(deps.db, userId, slackLocale);
  return { created };
};

/** Everyone the roster has ever known (left or not), so a sync asks Slack only about new people. */
export const knownSupporterIds = (deps: UseCaseDeps): Promise<Set<string>> => allSupporterIds(deps.db);

/** Members who came from the channel and are no longer in it leave the roster; how many did. */
export const leaveAbsentFromChannel = async (
  deps: UseCaseDeps,
  members: ReadonlySet<string>,
  now: Date,
): Promise<number> => {
  const nowIso = toUtcIso(now);
  let left = 0;
  for (const id of await channelSourcedIds(deps.db)) {
    if (!members.has(id) && (await markLeft(deps.db, id, nowIso))) left += 1;
  }
  return left;
};

/** Everyone on the roster now, whatever their source (the deactivation check asks Slack about each). */
export const activeSupporterIds = (deps: UseCaseDeps): Promise<string[]> => listActiveSupporterIds(deps.db);

/**
 * A person whose Slack account was deactivated (users.info `deleted: true`, or a `user_change` event with
 * it) leaves the roster, whatever their source: Slack still accepts DMs to them, nobody reads them.
 */
export const leaveDeactivated = (deps: UseCaseDeps, userId: string, now: Date): Promise<boolean> =>
  markLeft(deps.db, userId, toUtcIso(now));
