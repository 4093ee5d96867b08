/**
 * The language to answer a user in: the one they chose (`/supporter lang`), else their Slack locale
 * (users.info with include_locale), else DEFAULT_LOCALE.
 *
 * The choice is read from the database every time (one primary-key lookup), so a language chosen through
 * any instance holds at once on all of them. The Slack locale is remembered per user for an hour: asking
 * Slack costs a Web API call, and every command and every Home refresh needs the language. Work that must
 * beat Slack's 3 seconds (a modal to open, a submission to ack) uses `known`, which never asks Slack.
 */
import type { WebClient } from '@slack/web-api';
import type { UseCaseDeps, UserLocales } from '../deps.js';
import { type Locale, localeFromSlack } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { chosenLocale, rememberedSlackLocale, rememberLocale } from '../usecases/locales.js';

const SLACK_LOCALE_MS = 60 * 60 * 1000;

export class LocaleResolver implements UserLocales {
  private slackLocales = new Map<string, { locale: Locale; until: number }>();

  constructor(
    private readonly deps: Pick<UseCaseDeps, 'db'>,
    private readonly fallback: Locale,
    private readonly logger: Logger,
  ) {}

  /**
   * The chosen language, else the Slack locale remembered here or stored, without a Web API call: what a modal
   * submission's field errors and a modal about to open use, since both must beat Slack's 3 seconds.
   */
  async known(userId: string, now: Date): Promise<Locale | undefined> {
    return (
      (await this.chosenOrCached(userId, now)) ??
      (await rememberedSlackLocale(this.deps, userId, this.fallback))
    );
  }

  private async chosenOrCached(userId: string, now: Date): Promise<Locale | undefined> {
    const chosen = await chosenLocale(this.deps, userId);
    if (chosen) return chosen;
    const cached = this.slackLocales.get(userId);
    return cached && cached.until > now.getTime() ? cached.locale : undefined;
  }

  async forUser(client: WebClient, userId: string, now: Date): Promise<Locale> {
    const known = await this.chosenOrCached(userId, now);
    if (known) return known;
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
