/**
 * Slack's date formatting: `<!date^UNIX^{date_short_pretty} {time}|fallback>` is shown by each Slack client
 * in its reader's time zone and language, relative to the day it is read ("Today", "Tomorrow"), so a post
 * never shows a stale countdown (https://api.slack.com/reference/surfaces/formatting#date-formatting).
 * Clients that can't parse it show the fallback: our own format, in the app's zone. Works in mrkdwn text
 * only (not in plain_text headers).
 */
import { formatLocalStart } from '../../domain/calendar.js';
import type { Locale } from '../../i18n/index.js';

export const slackDate = (utcIso: string, zone: string, locale: Locale, now?: Date): string => {
  // The fallback is our formatted date: it never carries `|` or `>`, which would end the token early.
  const fallback = formatLocalStart(utcIso, zone, locale, now);
  return `<!date^${Math.floor(Date.parse(utcIso) / 1000)}^{date_short_pretty} {time}|${fallback}>`;
};
