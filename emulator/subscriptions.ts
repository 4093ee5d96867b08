/**
 * Slack sends an app only the events it subscribes to (https://api.slack.com/apis/events-api#subscriptions,
 * manifest `settings.event_subscriptions.bot_events`). Message events are subscribed by the conversation's
 * type — message.channels (public), message.groups (private), message.im, message.mpim
 * (https://api.slack.com/events/message.channels, …/message.groups, …) — and arrive only from
 * conversations the bot is a member of (https://api.slack.com/events/message.channels: "A message was
 * posted to a channel" — "the app must be in the channel"); `channel_type` says which: `channel`, `group`,
 * `im`, `mpim`. A test that sends an event the app would never get fails here instead of passing on a
 * path Slack never takes.
 */
import type { FakeState } from './state.js';

export const channelTypeOf = (state: FakeState, channel: string): 'channel' | 'group' | 'im' => {
  const c = state.channels.get(channel);
  if (c?.isIm) return 'im';
  return c?.isPrivate ? 'group' : 'channel';
};

const SUBSCRIPTION_OF_TYPE = { channel: 'message.channels', group: 'message.groups', im: 'message.im' };

/** Why Slack would not send `event` to the app, or undefined when it would. */
export const undeliverable = (
  state: FakeState,
  botEvents: readonly string[],
  botUserId: string,
  event: Record<string, unknown>,
): string | undefined => {
  const type = String(event.type);
  if (type !== 'message') {
    return botEvents.includes(type) ? undefined : `the manifest does not subscribe to ${type}`;
  }
  const channel = String(event.channel);
  if (!state.channels.has(channel))
    return `message event from ${channel}, a conversation the fake does not know`;
  const actual = channelTypeOf(state, channel);
  if (event.channel_type !== undefined && event.channel_type !== actual) {
    return `channel_type ${String(event.channel_type)} for ${channel}, which is a ${actual}`;
  }
  const needed = SUBSCRIPTION_OF_TYPE[actual];
  if (!botEvents.includes(needed)) return `the manifest does not subscribe to ${needed}`;
  if (!state.channels.get(channel)!.members.includes(botUserId)) {
    return `the bot is not a member of ${channel}: Slack sends no message events from it`;
  }
  return undefined;
};
