/**
 * The language to answer a user in: the one they chose (`/supporter lang`), else their Slack locale
 * (users.info with include_locale, cached), else DEFAULT_LOCALE.
 */
import type { WebClient } from '@slack/web-api';
import type { DbOrTrx } from '../db/database.js';
import { isLocale, type Locale, localeFromSlack } from '../i18n/index.js';
import type { Logger } from '../logger.js';

const CACHE_MS = 60 * 60 * 1000;

export class LocaleResolver {
  private cache = new Map<string, { locale: Locale; until: number }>();

  constructor(
    private readonly db: DbOrTrx,
    private readonly fallback: Locale,
    private readonly logger: Logger,
  ) {}

  async forUser(client: WebClient, userId: string, now: Date): Promise<Locale> {
    const chosen = await this.db
      .selectFrom('supporters')
      .select('locale')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (isLocale(chosen?.locale)) return chosen.locale;
    const cached = this.cache.get(userId);
    if (cached && cached.until > now.getTime()) return cached.locale;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const locale = localeFromSlack(info.user?.locale, this.fallback);
      this.cache.set(userId, { locale, until: now.getTime() + CACHE_MS });
      return locale;
    } catch (err) {
      this.logger.warn({ err, userId }, 'users.info failed; answering in the default language');
      return this.fallback;
    }
  }

  /** Forget a cached Slack locale (e.g. after the user picks a language explicitly). */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
