/**
 * The language to answer a user in: the one they chose (`/supporter lang`), else their Slack locale
 * (users.info with include_locale), else DEFAULT_LOCALE.
 *
 * The choice is read from the database every time (one primary-key lookup), so a language chosen through
 * any instance holds at once on all of them. The Slack locale is remembered per user for an hour: asking
 * Slack costs a Web API call, and every command and every Home refresh needs the language.
 */
import type { WebClient } from '@slack/web-api';
import type { UseCaseDeps, UserLocales } from '../deps.js';
import { type Locale, localeFromSlack } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { chosenLocale, rememberLocale } from '../usecases/locales.js';

const SLACK_LOCALE_MS = 60 * 60 * 1000;

export class LocaleResolver implements UserLocales {
  private slackLocales = new Map<string, { locale: Locale; until: number }>();

  constructor(
    private readonly deps: Pick<UseCaseDeps, 'db'>,
    private readonly fallback: Locale,
    private readonly logger: Logger,
  ) {}

  async forUser(client: WebClient, userId: string, now: Date): Promise<Locale> {
    const chosen = await chosenLocale(this.deps, userId);
    if (chosen) return chosen;
    const cached = this.slackLocales.get(userId);
    if (cached && cached.until > now.getTime()) return cached.locale;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const slackLocale = info.user?.locale;
      const locale = localeFromSlack(slackLocale, this.fallback);
      this.slackLocales.set(userId, { locale, until: now.getTime() + SLACK_LOCALE_MS });
      // Kept for the jobs, which write to people without asking Slack each time (usecases/locales.ts).
      if (slackLocale) {
        await rememberLocale(this.deps, userId, slackLocale).catch((err: unknown) =>
          this.logger.warn({ err, userId }, 'could not store the Slack locale'),
        );
      }
      return locale;
    } catch (err) {
      this.logger.warn({ err, userId }, 'users.info failed; answering in the default language');
      return this.fallback;
    }
  }
}
