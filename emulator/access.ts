/**
 * Who may do what, as Slack decides it before a Web API method runs: the token's scopes (exactly the bot
 * scopes of manifest.yml unless a test overrides them) and the bot's membership of the channel. api.ts runs
 * the method only when `checkAccess` lets it through; server.ts stamps `x-oauth-scopes` on every answer.
 *
 * Sources: the Web API spec (slackapi/slack-api-specs web-api/slack_web_openapi_v2.json: each method's
 * `security` scopes and `error` enums), https://api.slack.com/scopes, and each method's page under
 * https://api.slack.com/methods/<method> ("Required scopes", "Errors").
 */
import { BOT_USER_ID, type FakeChannel, type FakeState } from './state.js';

// The shapes api.ts uses (kept here so api.ts can import this file without a cycle).
type Args = Record<string, unknown>;
type ApiResult = Record<string, unknown> & { ok: boolean };

/** Which kind of conversation a channel is, for the methods whose scope depends on it. */
type Kind = 'public' | 'private' | 'im';

/**
 * Scope a bot token needs per method. A function when it depends on the conversation kind: the spec lists
 * e.g. conversations.history as `channels:history | groups:history | im:history | mpim:history`, one per
 * kind (https://api.slack.com/methods/conversations.history "Required scopes"). chat.* for bot tokens is
 * the granular `chat:write` (the spec's `chat:write:bot` is the classic-app name; https://api.slack.com/scopes/chat:write).
 * Methods not listed need no scope (spec: `slackAuth: ['none']` for auth.test, chat.getPermalink, views.*).
 */
const NEEDS: Record<string, string | ((kind: Kind) => string)> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  // A DM with one user: im:write (https://api.slack.com/methods/conversations.open "Required scopes").
  'conversations.open': 'im:write',
  'conversations.members': (k) => ({ public: 'channels:read', private: 'groups:read', im: 'im:read' })[k],
  'conversations.info': (k) => ({ public: 'channels:read', private: 'groups:read', im: 'im:read' })[k],
  'conversations.history': (k) =>
    ({ public: 'channels:history', private: 'groups:history', im: 'im:history' })[k],
  'conversations.replies': (k) =>
    ({ public: 'channels:history', private: 'groups:history', im: 'im:history' })[k],
  'users.info': 'users:read',
  // https://api.slack.com/methods/files.getUploadURLExternal, files.completeUploadExternal: files:write.
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};

const channelArg = (method: string, args: Args): string | undefined => {
  const v = method === 'files.completeUploadExternal' ? args.channel_id : args.channel;
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const kindOf = (state: FakeState, id: string | undefined): Kind => {
  // Posting to a user id goes to the DM with them (https://api.slack.com/methods/chat.postMessage#channels).
  if (!id || /^[UWD]/.test(id)) return id ? 'im' : 'public';
  const channel = state.channels.get(id);
  if (channel?.isIm) return 'im';
  return channel?.isPrivate ? 'private' : 'public';
};

const isMember = (channel: FakeChannel, user: string): boolean => channel.members.includes(user);

/**
 * `missing_scope` as Slack answers it: `{ ok: false, error: 'missing_scope', needed, provided }`
 * (https://api.slack.com/methods/conversations.history "missing_scope"; the `needed`/`provided` fields are
 * on every such answer, see https://api.slack.com/web#evaluating_responses).
 */
const missingScope = (needed: string, granted: readonly string[]): ApiResult => ({
  ok: false,
  error: 'missing_scope',
  needed,
  provided: granted.join(','),
});

/** Methods that post into a channel, and the ones that read it (membership rules differ slightly). */
const POSTS = new Set(['chat.postMessage', 'chat.postEphemeral']);
const READS = new Set([
  'conversations.history',
  'conversations.replies',
  'conversations.members',
  'conversations.info',
]);

/** Slack's refusal for this call, or undefined when it may run. Scopes first, then membership. */
export const checkAccess = (
  state: FakeState,
  method: string,
  args: Args,
  granted: readonly string[],
): ApiResult | undefined => {
  const id = channelArg(method, args);
  const need = NEEDS[method];
  const scope = typeof need === 'function' ? need(kindOf(state, id)) : need;
  if (scope && !granted.includes(scope)) return missingScope(scope, granted);
  const channel = id ? state.channels.get(id) : undefined;
  if (!channel || channel.isIm) return undefined;
  const member = isMember(channel, BOT_USER_ID);
  if (POSTS.has(method) || READS.has(method)) {
    // A private channel the bot is not in is invisible to it: channel_not_found
    // (https://api.slack.com/methods/chat.postMessage "channel_not_found: Value passed for channel was
    // invalid" — private channels exist for a token only when it is a member; https://api.slack.com/methods/conversations.info).
    if (channel.isPrivate && !member) return { ok: false, error: 'channel_not_found' };
  }
  if (POSTS.has(method)) {
    // https://api.slack.com/methods/chat.postMessage "is_archived: Channel has been archived"
    // (also in chat.postEphemeral's error enum).
    if (channel.isArchived) return { ok: false, error: 'is_archived' };
    // https://api.slack.com/methods/chat.postMessage "not_in_channel": a bot without chat:write.public
    // (the manifest does not ask for it) must be a member to post. chat.postEphemeral's enum lacks
    // not_in_channel; the docs are silent on a public channel the bot is not in — modelled the same way.
    if (!member) return { ok: false, error: 'not_in_channel' };
  }
  if (method === 'chat.postEphemeral') {
    // https://api.slack.com/methods/chat.postEphemeral: "The user should be in the channel specified" →
    // user_not_in_channel (spec error enum).
    const user = typeof args.user === 'string' ? args.user : '';
    if (user && state.users.has(user) && !isMember(channel, user)) {
      return { ok: false, error: 'user_not_in_channel' };
    }
  }
  if ((method === 'conversations.history' || method === 'conversations.replies') && !member) {
    // The spec's enums for history/replies omit not_in_channel; a bot token reading a public channel it
    // has not joined gets `not_in_channel` in practice (https://api.slack.com/methods/conversations.history:
    // "Bot … must be a member"). Docs list no error for this; modelled as not_in_channel.
    return { ok: false, error: 'not_in_channel' };
  }
  return undefined;
};

/**
 * conversations.info (https://api.slack.com/methods/conversations.info): the conversation object with
 * `is_member`, `is_private`, `is_archived` (fields: https://api.slack.com/types/conversation).
 */
export const conversationsInfo = (state: FakeState, args: Args): ApiResult => {
  const id = typeof args.channel === 'string' ? args.channel : '';
  const channel = state.channels.get(id);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  return {
    ok: true,
    channel: {
      id: channel.id,
      name: channel.isIm ? undefined : channel.name,
      is_channel: !channel.isIm && !channel.isPrivate,
      is_group: false,
      is_im: channel.isIm,
      is_private: channel.isIm || (channel.isPrivate ?? false),
      is_archived: channel.isArchived ?? false,
      is_member: isMember(channel, BOT_USER_ID),
      num_members: channel.members.length,
    },
  };
};

/**
 * Every Web API answer carries the token's scopes in `x-oauth-scopes` (and the method's accepted ones in
 * `x-accepted-oauth-scopes`): https://api.slack.com/scopes ("x-oauth-scopes"), https://api.slack.com/web.
 */
export const scopeHeaders = (
  state: FakeState,
  method: string,
  args: Args,
  granted: readonly string[],
): Record<string, string> => {
  const need = NEEDS[method];
  const accepted = typeof need === 'function' ? need(kindOf(state, channelArg(method, args))) : need;
  return {
    'x-oauth-scopes': granted.join(','),
    ...(accepted ? { 'x-accepted-oauth-scopes': accepted } : {}),
  };
};
