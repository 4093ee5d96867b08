import type { ErrorCode } from '../domain/errors.js';
import type { Locale } from '../domain/locale.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { Messages } from './types.js';

export type { ErrorCode, Locale, Messages };
export const LOCALES: readonly Locale[] = ['ja', 'en'];

const tables: Record<Locale, Messages> = { ja, en };

export const messages = (locale: Locale): Messages => tables[locale];

export const isLocale = (v: unknown): v is Locale => v === 'ja' || v === 'en';

/** Slack locales look like `ja-JP` / `en-US`; anything not Japanese or English falls back. */
export const localeFromSlack = (slackLocale: string | undefined | null, fallback: Locale): Locale => {
  if (!slackLocale) return fallback;
  const lang = slackLocale.toLowerCase().split(/[-_]/)[0];
  return isLocale(lang) ? lang : fallback;
};

export const errorText = (locale: Locale, code: ErrorCode, params: Record<string, string | number>): string =>
  messages(locale).errors[code](params);
