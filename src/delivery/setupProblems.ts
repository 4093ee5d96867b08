/**
 * Slack refusing a send because of how the workspace is set up — the bot is not in the channel, the
 * channel is private to it or archived, the app lacks a scope — rather than because of the message. Each
 * has one fix a person can make; `setupProblemOf` reads it off a Web API error, `setupFixText` says it
 * for operators (CLI job summaries, logs). Users get the same fix in their language (src/i18n/ * /setup.ts).
 * Errors: https://api.slack.com/methods/chat.postMessage (not_in_channel, channel_not_found, is_archived),
 * https://api.slack.com/web (missing_scope with `needed`).
 */
import { ErrorCode } from '@slack/web-api';

export type SetupProblem =
  | { kind: 'not_in_channel' | 'channel_not_found' | 'is_archived'; channel: string }
  | { kind: 'missing_scope'; scope: string; channel?: string };

const CHANNEL_KINDS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** The setup problem behind a Web API error for a call on `channel` (a channel id), if it is one. */
export const setupProblemOf = (err: unknown, channel?: string): SetupProblem | undefined => {
  const e = err as { code?: unknown; data?: { error?: unknown; needed?: unknown } } | null;
  if (e?.code !== ErrorCode.PlatformError) return undefined;
  const error = String(e.data?.error ?? '');
  if (error === 'missing_scope') {
    return { kind: 'missing_scope', scope: String(e.data?.needed ?? '?'), ...(channel ? { channel } : {}) };
  }
  // A user id recipient (a DM) that is not found is the user's, not the setup's.
  if (CHANNEL_KINDS.has(error) && channel && !/^[UW]/.test(channel)) {
    return { kind: error as 'not_in_channel', channel };
  }
  return undefined;
};

/** The error text recorded for a delivery: `missing_scope (needed groups:history)` names the scope. */
export const setupErrorText = (error: string, needed: unknown): string =>
  error === 'missing_scope' && typeof needed === 'string' ? `missing_scope (needed ${needed})` : error;

/** The fix, for an operator reading a job summary: names the channel or the scope. */
export const setupFixText = (error: string, recipient: string): string | undefined => {
  const scope = /^missing_scope \(needed ([\w:.]+)\)$/.exec(error)?.[1];
  if (scope) return `add the bot scope ${scope} in the app's settings (OAuth & Permissions), then reinstall`;
  if (/^[UW]/.test(recipient)) return undefined;
  if (error === 'not_in_channel') return `invite the bot: /invite @supporter-desk in <#${recipient}>`;
  if (error === 'channel_not_found')
    return `the channel is private or gone: invite the bot to <#${recipient}> or set another channel`;
  if (error === 'is_archived') return `<#${recipient}> is archived: unarchive it or set another channel`;
  return undefined;
};
