/**
 * `message` events as Slack sends them (https://api.slack.com/events/message and its subtype pages), built
 * from and stored into the emulator's state so conversations.history / conversations.replies show the
 * same messages the app was told about. Shapes follow the subtype pages and @slack/types
 * (packages/types/src/events/message.ts):
 * - plain reply: no subtype, `thread_ts`, `parent_user_id` (https://api.slack.com/events/message/message_replied
 *   describes the thread fields).
 * - thread_broadcast (https://api.slack.com/events/message/thread_broadcast): a reply also sent to the
 *   channel; `subtype`, `thread_ts` and `root` (the parent, with reply_count, reply_users…).
 * - file_share (https://api.slack.com/events/message/file_share): `files[]` and `upload`.
 * - message_changed (https://api.slack.com/events/message/message_changed): `hidden: true`, the new
 *   `message` and the `previous_message`; the event's own `ts` is new, the message keeps its ts.
 * - message_deleted (https://api.slack.com/events/message/message_deleted): `hidden: true`, `deleted_ts`,
 *   `previous_message`.
 * - bot_message (https://api.slack.com/events/message/bot_message): `bot_id`, `username`, maybe no user.
 * - channel_join (https://api.slack.com/events/message/channel_join): "<@U…> has joined the channel".
 */
import { toWire } from './api.js';
import type { FakeMessage, FakeState } from './state.js';
import { channelTypeOf } from './subscriptions.js';

export type ReplySubtype = 'thread_broadcast' | 'file_share';

export type ReplyOptions = {
  subtype?: ReplySubtype;
  /** The reply's ts (when it was sent); the fake's next ts when absent. */
  ts?: string;
  /** file_share: the files shared; one plain-text file when absent. */
  files?: Array<Record<string, unknown>>;
};

const fileObject = (state: FakeState, user: string, name: string) => {
  const id = state.nextId('F');
  return {
    id,
    created: Math.floor(Date.now() / 1000),
    name,
    title: name,
    mimetype: 'text/plain',
    filetype: 'text',
    pretty_type: 'Plain Text',
    user,
    editable: true,
    size: 12,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: true,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `https://files.slack.test/files-pri/${id}/${name}`,
    permalink: `https://supporters.slack.test/files/${user}/${id}/${name}`,
    channels: [],
    groups: [],
  };
};

/** The parent as thread_broadcast's `root` carries it: the message plus its thread's counts. */
const rootOf = (state: FakeState, parent: FakeMessage) => {
  const replies = state.threadMessages(parent.channel, parent.ts).filter((m) => m.ts !== parent.ts);
  return {
    ...toWire(parent, false),
    thread_ts: parent.ts,
    reply_count: replies.length,
    reply_users_count: new Set(replies.map((r) => r.user)).size,
    latest_reply: replies.at(-1)?.ts ?? parent.ts,
    reply_users: [...new Set(replies.map((r) => r.user))],
  };
};

/** Stores a user's thread reply and returns the `message` event Slack sends for it. */
export const storeThreadReply = (
  state: FakeState,
  user: string,
  channel: string,
  threadTs: string,
  text: string,
  opts: ReplyOptions = {},
): Record<string, unknown> => {
  const parent = state.findMessage(channel, threadTs);
  const message: FakeMessage = {
    channel,
    ts: opts.ts ?? state.nextTs(),
    user,
    text,
    threadTs,
    ...(opts.subtype ? { subtype: opts.subtype } : {}),
    ...(opts.subtype === 'file_share'
      ? { files: opts.files ?? [fileObject(state, user, 'notes.txt')], upload: true }
      : {}),
  };
  state.messages.push(message);
  return {
    ...toWire(message, false),
    channel,
    channel_type: channelTypeOf(state, channel),
    client_msg_id: `${message.ts}-client`,
    ...(parent ? { parent_user_id: parent.user } : {}),
    ...(opts.subtype === 'thread_broadcast' && parent ? { root: rootOf(state, parent) } : {}),
  };
};

/** Edits a stored message and returns the message_changed event. */
export const storeEdit = (
  state: FakeState,
  channel: string,
  ts: string,
  text: string,
): Record<string, unknown> => {
  const message = state.findMessage(channel, ts);
  if (!message) throw new Error(`no message ${channel}/${ts} to edit`);
  const previous = toWire(message, false);
  message.text = text;
  message.edited = true;
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel,
    channel_type: channelTypeOf(state, channel),
    ts: state.nextTs(),
    message: toWire(message, false),
    previous_message: previous,
  };
};

/** Removes a stored message and returns the message_deleted event. */
export const storeDeletion = (state: FakeState, channel: string, ts: string): Record<string, unknown> => {
  const message = state.findMessage(channel, ts);
  if (!message) throw new Error(`no message ${channel}/${ts} to delete`);
  state.messages = state.messages.filter((m) => m !== message);
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel,
    channel_type: channelTypeOf(state, channel),
    ts: state.nextTs(),
    deleted_ts: ts,
    previous_message: toWire(message, false),
  };
};

/** Stores another app's post (an integration, not this bot) and returns its bot_message event. */
export const storeBotMessage = (
  state: FakeState,
  botId: string,
  channel: string,
  text: string,
  threadTs?: string,
): Record<string, unknown> => {
  const message: FakeMessage = {
    channel,
    ts: state.nextTs(),
    user: '',
    botId,
    text,
    subtype: 'bot_message',
    ...(threadTs ? { threadTs } : {}),
  };
  state.messages.push(message);
  const { user: _none, ...wire } = toWire(message, false);
  return { ...wire, username: 'integration', channel, channel_type: channelTypeOf(state, channel) };
};

/** Adds a member and returns the channel_join message event Slack posts in the channel. */
export const storeChannelJoin = (
  state: FakeState,
  user: string,
  channel: string,
): Record<string, unknown> => {
  const target = state.channels.get(channel);
  if (target && !target.members.includes(user)) target.members.push(user);
  const message: FakeMessage = {
    channel,
    ts: state.nextTs(),
    user,
    text: `<@${user}> has joined the channel`,
    subtype: 'channel_join',
  };
  state.messages.push(message);
  return { ...toWire(message, false), channel, channel_type: channelTypeOf(state, channel) };
};
