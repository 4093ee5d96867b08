/** Turning outcomes into what the user sees: ephemeral replies, and errors in the user's language. */
import type { KnownBlock } from '@slack/types';
import { isDomainError } from '../domain/errors.js';
import { errorText, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';

export type Reply = { text: string; blocks?: KnownBlock[] };

/** A domain error names what was wrong; anything else is logged and answered with the generic message. */
export const errorReply = (locale: Locale, err: unknown, logger: Logger): Reply => {
  if (isDomainError(err)) return { text: `:warning: ${errorText(locale, err.code, err.params)}` };
  logger.error({ err }, 'unexpected error while handling a Slack request');
  return { text: `:warning: ${errorText(locale, 'generic', {})}` };
};
