/** Turning outcomes into what the user sees: ephemeral replies, and errors in the user's language. */
import type { KnownBlock } from '@slack/types';
import { isDomainError } from '../domain/errors.js';
import { errorText, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { escapeMrkdwn } from './blocks/kit.js';

export type Reply = { text: string; blocks?: KnownBlock[] };

/** An error's params quote what the user typed (a token, a title): shown literally in mrkdwn. */
const escapedParams = (params: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? escapeMrkdwn(v) : v]),
  );

/** A domain error names what was wrong; anything else is logged and answered with the generic message. */
export const errorReply = (locale: Locale, err: unknown, logger: Logger): Reply => {
  if (isDomainError(err)) {
    return { text: `:warning: ${errorText(locale, err.code, escapedParams(err.params))}` };
  }
  logger.error({ err }, 'unexpected error while handling a Slack request');
  return { text: `:warning: ${errorText(locale, 'generic', {})}` };
};
