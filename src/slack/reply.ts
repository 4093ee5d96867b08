/** Turning outcomes into what the user sees: ephemeral replies, and errors in the user's language. */
import type { KnownBlock } from '@slack/types';
import { setupProblemOf } from '../delivery/setupProblems.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import { errorText, type Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { escapeMrkdwn } from './blocks/kit.js';

export type Reply = { text: string; blocks?: KnownBlock[] };

/** An error's params quote what the user typed (a token, a title): shown literally in mrkdwn. */
const escapedParams = (params: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? escapeMrkdwn(v) : v]),
  );

/**
 * The setup problem behind a Web API error on `channel` as a DomainError that says what to do (invite the
 * bot, unarchive, add a scope), or undefined when the error is not about the workspace's setup.
 */
export const setupError = (err: unknown, channel?: string): DomainError | undefined => {
  const problem = setupProblemOf(err, channel);
  if (!problem) return undefined;
  switch (problem.kind) {
    case 'missing_scope':
      return new DomainError('setup_missing_scope', { scope: problem.scope });
    case 'not_in_channel':
      return new DomainError('setup_not_in_channel', { channel: problem.channel });
    case 'channel_not_found':
      return new DomainError('setup_channel_hidden', { channel: problem.channel });
    case 'is_archived':
      return new DomainError('setup_archived', { channel: problem.channel });
  }
};

/**
 * A domain error names what was wrong; a setup problem (e.g. a missing scope) says how to fix it; anything
 * else is logged and answered with the generic message.
 */
export const errorReply = (locale: Locale, err: unknown, logger: Logger): Reply => {
  const known = isDomainError(err) ? err : setupError(err);
  if (known) return { text: `:warning: ${errorText(locale, known.code, escapedParams(known.params))}` };
  logger.error({ err }, 'unexpected error while handling a Slack request');
  return { text: `:warning: ${errorText(locale, 'generic', {})}` };
};

/**
 * errorReply's words without its emoji: what a Workflow Builder step that failed hands
 * functions.completeError, which Slack passes on to the user in a Slackbot message
 * (https://api.slack.com/methods/functions.completeError "Usage info").
 */
export const errorMessage = (locale: Locale, err: unknown, logger: Logger): string =>
  errorReply(locale, err, logger).text.replace(/^:warning: /, '');
