/**
 * The language of a message nobody asked for (a job's reminder, a DM about someone else's change): the
 * one the person chose with `/supporter lang`, else their Slack locale as last seen (see
 * rememberSlackLocale), else DEFAULT_LOCALE. Replies to a person's own command use the same order live,
 * through LocaleResolver (src/slack/locale.ts).
 */
import {
  chosenLocaleOf,
  rememberSlackLocale,
  storedLocalesOf,
  supporterLocales,
} from '../db/repositories/supporters.js';
import type { UseCaseDeps } from '../deps.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';

export type LocaleOf = (userId: string) => Locale;

export const localesFor = async (deps: UseCaseDeps): Promise<LocaleOf> => {
  const stored = await supporterLocales(deps.db);
  return (userId) => {
    const known = stored.get(userId);
    return isLocale(known?.chosen) ? known.chosen : localeFromSlack(known?.slack, deps.config.defaultLocale);
  };
};

/** The language `userId` chose with `/supporter lang`, read live (any instance may have stored it). */
export const chosenLocale = async (
  deps: Pick<UseCaseDeps, 'db'>,
  userId: string,
): Promise<Locale | undefined> => {
  const chosen = await chosenLocaleOf(deps.db, userId);
  return isLocale(chosen) ? chosen : undefined;
};

/**
 * The Slack locale last stored for `userId` (rememberLocale) as a language (`fallback` for one we do
 * not speak); undefined when none is stored.
 */
export const rememberedSlackLocale = async (
  deps: Pick<UseCaseDeps, 'db'>,
  userId: string,
  fallback: Locale,
): Promise<Locale | undefined> => {
  const slack = (await storedLocalesOf(deps.db, userId))?.slack;
  return slack ? localeFromSlack(slack, fallback) : undefined;
};

/** Keeps the Slack locale last seen for a supporter, for messages nobody asked for (localesFor). */
export const rememberLocale = (deps: Pick<UseCaseDeps, 'db'>, userId: string, slackLocale: string) =>
  rememberSlackLocale(deps.db, userId, slackLocale);
