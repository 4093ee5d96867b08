/**
 * The language of a message nobody asked for (a job's reminder, a DM about someone else's change): the
 * one the person chose with `/supporter lang`, else their Slack locale as last seen (see
 * rememberSlackLocale), else DEFAULT_LOCALE. Replies to a person's own command use the same order live,
 * through LocaleResolver (src/slack/locale.ts).
 */
import type { DbOrTrx } from '../db/database.js';
import { supporterLocales } from '../db/repositories/supporters.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';
import type { UseCaseDeps } from './deps.js';

export type LocaleOf = (userId: string) => Locale;

export const localesFor = async (deps: { config: UseCaseDeps['config']; db: DbOrTrx }): Promise<LocaleOf> => {
  const stored = await supporterLocales(deps.db);
  return (userId) => {
    const known = stored.get(userId);
    return isLocale(known?.chosen) ? known.chosen : localeFromSlack(known?.slack, deps.config.defaultLocale);
  };
};
