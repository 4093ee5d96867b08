/**
 * The language to answer a user in: the one they chose (`/supporter lang`), else their Slack locale
 * (users.info with include_locale), else DEFAULT_LOCALE.
 *
 * Both are remembered per user — a Slack locale for an hour, a chosen one for a minute — since every
 * command and every Home refresh asks. This instance forgets at once when the user chooses; another
 * instance on the same database may answer in the old language for up to a minute.
 */
import type { WebClient } from '@slack/web-api';
import type { DbOrTrx } from '../db/database.js';
import { rememberSlackLocale } from '../db/repositories/supporters.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';
import type { Logger } from '../logger.js';

const SLACK_LOCALE_MS = 60 * 60 * 1000;
const CHOSEN_LOCALE_MS = 60 * 1000;

export class LocaleResolver {
  private cache = new Map<string, { locale: Locale; until: number }>();

  constructor(
    private readonly db: DbOrTrx,
    private readonly fallback: Locale,
    private readonly logger: Logger,
  ) {}

  async forUser(client: WebClient, userId: string, now: Date): Promise<Locale> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > now.getTime()) return cached.locale;
    const chosen = await this.db
      .selectFrom('supporters')
      .select('locale')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (isLocale(chosen?.locale)) {
      this.cache.set(userId, { locale: chosen.locale, until: now.getTime() + CHOSEN_LOCALE_MS });
      return chosen.locale;
    }
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const slackLocale = info.user?.locale;
      const locale = localeFromSlack(slackLocale, this.fallback);
      this.cache.set(userId, { locale, until: now.getTime() + SLACK_LOCALE_MS });
      // Kept for the jobs, which write to people without asking Slack each time (usecases/locales.ts).
      if (slackLocale) {
        await rememberSlackLocale(this.db, userId, slackLocale).catch((err: unknown) =>
          this.logger.warn({ err, userId }, 'could not store the Slack locale'),
        );
      }
      return locale;
    } catch (err) {
      this.logger.warn({ err, userId }, 'users.info failed; answering in the default language');
      return this.fallback;
    }
  }

  /** Forget what is remembered for a user (after they pick a language, or clear their choice). */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
