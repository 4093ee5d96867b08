/**
 * The Web API methods Supporter Desk calls, implemented over FakeState. Each handler takes the parsed
 * arguments and returns Slack's JSON answer; errors are Slack's `{ ok: false, error }` shapes.
 */

import { conversationsInfo } from './access.js';
import { invalidView, messageRefusal, viewProblems } from './blockKit.js';
import { historyPage, repliesPage } from './history.js';
import { BOT_ID, BOT_USER_ID, type FakeMessage, type FakeState, type FakeView, TEAM_ID } from './state.js';
import { hashConflict, preservedValues, viewWire } from './viewState.js';

export type Args = Record<string, unknown>;
export type ApiResult = Record<string, unknown> & { ok: boolean };
export type ApiHandler = (state: FakeState, args: Args) => ApiResult;

const fail = (error: string): ApiResult => ({ ok: false, error });

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const resolveChannel = (state: FakeState, channel: string): string | undefined => {
  if (state.channels.has(channel)) return channel;
  // Posting to a user id opens (or reuses) the DM, as Slack does.
  if (/^[UW]/.test(channel) && state.users.has(channel)) return state.imWith(channel).id;
  return undefined;
};

export const toWire = (m: FakeMessage, withMetadata: boolean) => ({
  type: 'message',
  ...(m.subtype ? { subtype: m.subtype } : {}),
  ts: m.ts,
  user: m.user,
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
  ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
  ...(m.botId ? { bot_id: m.botId } : {}),
  ...(m.files ? { files: m.files } : {}),
  ...(m.upload !== undefined ? { upload: m.upload } : {}),
  ...(m.edited ? { edited: { user: m.user, ts: m.ts } } : {}),
  ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
});

const postMessage: ApiHandler = (state, args) => {
  const channelArg = str(args.channel);
  if (!channelArg) return fail('channel_not_found');
  const channel = resolveChannel(state, channelArg);
  if (!channel) return fail('channel_not_found');
  const user = state.users.get(channelArg);
  // A deactivated user's DM still takes posts: Slack answers ok (issue #17, checked against
  // https://api.slack.com/methods/chat.postMessage — its errors name no deactivated-recipient case;
  // `account_inactive` there is about the *token's* account). Who reads it is another matter.
  if (user?.isBot) return fail('cannot_dm_bot');
  const text = str(args.text) ?? '';
  const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
  if (!text && !blocks) return fail('no_text');
  const refused = messageRefusal(args);
  if (refused) return refused;
  const threadTs = str(args.thread_ts);
  if (threadTs && !state.findMessage(channel, threadTs)) return fail('thread_not_found');
  const message: FakeMessage = {
    channel,
    ts: state.nextTs(),
    user: BOT_USER_ID,
    botId: BOT_ID,
    text,
    ...(blocks ? { blocks } : {}),
    ...(threadTs ? { threadTs } : {}),
    ...(args.metadata && typeof args.metadata === 'object'
      ? { metadata: args.metadata as FakeMessage['metadata'] }
      : {}),
  };
  state.messages.push(message);
  return { ok: true, channel, ts: message.ts, message: toWire(message, true) };
};

const postEphemeral: ApiHandler = (state, args) => {
  const channel = str(args.channel);
  const user = str(args.user);
  if (!channel || !state.channels.has(channel)) return fail('channel_not_found');
  if (!user || !state.users.has(user)) return fail('user_not_found');
  const refused = messageRefusal(args);
  if (refused) return refused;
  state.ephemerals.push({
    id: state.nextNumber(),
    channel,
    user,
    text: str(args.text) ?? '',
    ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
    // `thread_ts` shows the ephemeral in that thread (https://api.slack.com/methods/chat.postEphemeral).
    ...(str(args.thread_ts) ? { threadTs: str(args.thread_ts) } : {}),
    via: 'chat.postEphemeral',
    at: Date.now(),
  });
  return { ok: true, message_ts: state.nextTs() };
};

const update: ApiHandler = (state, args) => {
  const channel = str(args.channel);
  const ts = str(args.ts);
  const message = channel && ts ? state.findMessage(channel, ts) : undefined;
  if (!message) return fail('message_not_found');
  if (message.user !== BOT_USER_ID) return fail('cant_update_message');
  const refused = messageRefusal(args);
  if (refused) return refused;
  if (typeof args.text === 'string') message.text = args.text;
  // Without `blocks` the message keeps its previous blocks (https://api.slack.com/methods/chat.update).
  if (Array.isArray(args.blocks)) message.blocks = args.blocks;
  // chat.update takes `metadata` as chat.postMessage does and replaces the message's (ChatUpdateArguments
  // & Metadata, node-slack-sdk packages/web-api/src/types/request/chat.ts; https://api.slack.com/methods/
  // chat.update). The docs do not say whether an update without it clears it: here it stays.
  if (args.metadata && typeof args.metadata === 'object')
    message.metadata = args.metadata as FakeMessage['metadata'];
  message.edited = true;
  return { ok: true, channel, ts, text: message.text };
};

const getPermalink: ApiHandler = (state, args) => {
  const channel = str(args.channel);
  const ts = str(args.message_ts);
  if (!channel || !ts || !state.findMessage(channel, ts)) return fail('message_not_found');
  return {
    ok: true,
    channel,
    permalink: `https://supporters.slack.test/archives/${channel}/p${ts.replace('.', '')}`,
  };
};

const conversationsOpen: ApiHandler = (state, args) => {
  const users = str(args.users);
  if (!users) return fail('users_list_not_supplied');
  const user = state.users.get(users.split(',')[0]!);
  if (!user) return fail('user_not_found');
  // https://api.slack.com/methods/conversations.open errors: `user_disabled` — "The user has been
  // disabled" (spec web-api/slack_web_openapi_v2.json, conversations.open error enum).
  if (user.deleted) return fail('user_disabled');
  if (user.isBot) return fail('cannot_dm_bot');
  return { ok: true, channel: { id: state.imWith(user.id).id } };
};

const conversationsMembers: ApiHandler = (state, args) => {
  const channel = state.channels.get(str(args.channel) ?? '');
  if (!channel) return fail('channel_not_found');
  const limit = Number(args.limit ?? 100) || 100;
  const start = Number(str(args.cursor) ?? 0);
  const page = channel.members.slice(start, start + limit);
  const next = start + limit < channel.members.length ? String(start + limit) : '';
  return { ok: true, members: page, response_metadata: { next_cursor: next } };
};

const withMetadataOf = (args: Args) =>
  args.include_all_metadata === true || args.include_all_metadata === 'true';

/** Paged as documented (emulator/history.ts). */
const conversationsHistory: ApiHandler = (state, args) => {
  const channel = str(args.channel);
  if (!channel || !state.channels.has(channel)) return fail('channel_not_found');
  const page = historyPage(state, channel, args);
  if (page === 'invalid_cursor') return fail('invalid_cursor');
  return {
    ok: true,
    messages: page.messages.map((m) => toWire(m, withMetadataOf(args))),
    has_more: page.hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const conversationsReplies: ApiHandler = (state, args) => {
  const channel = str(args.channel);
  const ts = str(args.ts);
  if (!channel || !ts || !state.findMessage(channel, ts)) return fail('thread_not_found');
  const page = repliesPage(state, channel, ts, args);
  if (page === 'invalid_cursor') return fail('invalid_cursor');
  return {
    ok: true,
    messages: page.messages.map((m) => toWire(m, withMetadataOf(args))),
    has_more: page.hasMore,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const usersInfo: ApiHandler = (state, args) => {
  const user = state.users.get(str(args.user) ?? '');
  if (!user) return fail('user_not_found');
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: TEAM_ID,
      name: user.name,
      real_name: user.realName,
      // A deactivated account stays visible with `deleted: true` (https://api.slack.com/types/user).
      deleted: user.deleted ?? false,
      is_bot: user.isBot ?? false,
      tz: 'Asia/Tokyo',
      ...(args.include_locale === true || args.include_locale === 'true' ? { locale: user.locale } : {}),
      profile: { display_name: user.name, real_name: user.realName },
    },
  };
};

const viewsOpen: ApiHandler = (state, args) => {
  const view = args.view as Record<string, unknown> | undefined;
  if (!str(args.trigger_id)) return fail('invalid_trigger_id');
  const problems = viewProblems(view, 'modal');
  if (problems.length || !view) return invalidView(problems);
  const user = str(args.user_id) ?? String(args.trigger_id).split('.')[1] ?? 'U?';
  const id = state.nextId('V');
  const opened: FakeView = { id, user, view, kind: 'modal', hash: state.nextHash() };
  state.views.set(id, opened);
  return { ok: true, view: viewWire(opened) };
};

const viewsUpdate: ApiHandler = (state, args) => {
  const id = str(args.view_id);
  const existing = id ? state.views.get(id) : undefined;
  if (!existing) return fail('not_found');
  const problems = viewProblems(args.view, existing.kind);
  if (problems.length) return invalidView(problems);
  // views.update#errors: hash_conflict when the hash isn't the stored one (emulator/viewState.ts).
  if (hashConflict(existing, args.hash)) return fail('hash_conflict');
  const next = args.view as Record<string, unknown>;
  existing.values = preservedValues(existing, next);
  existing.view = next;
  existing.hash = state.nextHash();
  return { ok: true, view: viewWire(existing) };
};

const viewsPublish: ApiHandler = (state, args) => {
  const user = str(args.user_id);
  const view = args.view as Record<string, unknown> | undefined;
  if (!user || !state.users.has(user)) return fail('user_not_found');
  const problems = viewProblems(view, 'home');
  if (problems.length || !view) return invalidView(problems);
  state.homes.set(user, view);
  return { ok: true, view: { id: `VHOME${user}`, ...view } };
};

const authTest: ApiHandler = () => ({
  ok: true,
  url: 'https://supporters.slack.test/',
  team: 'Supporters',
  user: 'supporter-desk',
  team_id: TEAM_ID,
  user_id: BOT_USER_ID,
  bot_id: BOT_ID,
});

const getUploadUrl: ApiHandler = (state, args) => {
  const fileId = state.nextId('F');
  return {
    ok: true,
    upload_url: `/upload/${fileId}?name=${encodeURIComponent(String(args.filename))}`,
    file_id: fileId,
  };
};

const completeUpload: ApiHandler = (state, args) => {
  const channel = str(args.channel_id);
  const files = (args.files as Array<{ id: string; title?: string }>) ?? [];
  if (channel) {
    state.messages.push({
      channel,
      ts: state.nextTs(),
      user: BOT_USER_ID,
      botId: BOT_ID,
      text: str(args.initial_comment) ?? `:page_facing_up: ${files.map((f) => f.title ?? f.id).join(', ')}`,
      ...(str(args.thread_ts) ? { threadTs: str(args.thread_ts) } : {}),
    });
  }
  return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
};

export const API: Record<string, ApiHandler> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.getPermalink': getPermalink,
  'conversations.open': conversationsOpen,
  'conversations.members': conversationsMembers,
  'conversations.info': conversationsInfo,
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
  'users.info': usersInfo,
  'views.open': viewsOpen,
  'views.push': viewsOpen,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};

/** Fields the Web API client sends JSON-encoded inside form bodies. */
export const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files', 'outputs']);
