/**
 * The Slack calls of one delivery attempt (deliver.ts decides when): post a message, or update one the bot
 * posted before, stamping the idempotency key into its metadata; and look a key up in Slack after a crash
 * or an ambiguous failure.
 */
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

export const DELIVERY_EVENT_TYPE = 'supporter_desk_delivery';

/**
 * One message: to a user id (U…/W…, their DM with the bot) or a channel id, optionally in a thread; or,
 * with `update`, the new content of a message the bot posted before (chat.update), e.g. the notice that
 * replaces purged client text. `recipient` is then whom the message was for (its reader).
 */
export type Outgoing = {
  key: string;
  recipient: string;
  text: string;
  blocks?: KnownBlock[];
  threadTs?: string;
  update?: { channel: string; ts: string };
};

const metadataOf = (m: Outgoing) => ({ event_type: DELIVERY_EVENT_TYPE, event_payload: { key: m.key } });

export const post = async (slack: WebClient, m: Outgoing): Promise<{ channel: string; ts: string }> => {
  if (m.update) {
    // chat.update takes `metadata` like chat.postMessage (ChatUpdateArguments & Metadata in
    // @slack/web-api, packages/web-api/src/types/request/chat.ts; https://api.slack.com/methods/chat.update).
    // Blocks are sent too: without `blocks` Slack keeps the message's previous blocks (same page).
    await slack.chat.update({
      channel: m.update.channel,
      ts: m.update.ts,
      text: m.text,
      blocks: m.blocks ?? [],
      metadata: metadataOf(m),
    });
    return m.update;
  }
  const res = await slack.chat.postMessage({
    channel: m.recipient,
    text: m.text,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    metadata: metadataOf(m),
  });
  if (!res.ts) throw new Error('chat.postMessage answered ok without a ts');
  return { channel: res.channel ?? m.recipient, ts: res.ts };
};

type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: unknown } };

const carriesKey = (m: HistoryMessage | undefined, key: string): boolean =>
  m?.metadata?.event_type === DELIVERY_EVENT_TYPE &&
  (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key;

/**
 * Looks for a message carrying `key` posted since the row was created (less a minute for clock skew); for
 * an update, whether the message itself already carries it. conversations.replies with a message's own
 * ts answers that message first, replies or not (https://api.slack.com/methods/conversations.replies).
 */
export const findPosted = async (
  slack: WebClient,
  dmChannels: Map<string, Promise<string>>,
  m: Outgoing,
  since: { createdAt: string; pages: number },
): Promise<{ channel: string; ts: string } | undefined> => {
  if (m.update) {
    const res = await slack.conversations.replies({
      channel: m.update.channel,
      ts: m.update.ts,
      include_all_metadata: true,
      limit: 1,
    });
    const first = (res.messages as HistoryMessage[] | undefined)?.[0];
    return first?.ts === m.update.ts && carriesKey(first, m.key) ? m.update : undefined;
  }
  const channel = await conversationOf(slack, dmChannels, m.recipient);
  const oldestMs = Date.parse(since.createdAt) - 60_000;
  // A row stamped in the future of the real clock (a `--now` ahead of time) must not hide real messages.
  const oldest = oldestMs < Date.now() ? { oldest: (oldestMs / 1000).toFixed(6) } : {};
  let cursor: string | undefined;
  for (let page = 0; page < since.pages; page += 1) {
    const args = { channel, include_all_metadata: true, limit: 200, cursor, ...oldest };
    const res = m.threadTs
      ? await slack.conversations.replies({ ...args, ts: m.threadTs })
      : await slack.conversations.history(args);
    const hit = (res.messages as HistoryMessage[] | undefined)?.find((x) => carriesKey(x, m.key));
    if (hit?.ts) return { channel, ts: hit.ts };
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
};

/** A user id's DM channel (conversations.open, once per run), or the channel id itself. */
const conversationOf = (
  slack: WebClient,
  dmChannels: Map<string, Promise<string>>,
  recipient: string,
): Promise<string> => {
  if (!/^[UW]/.test(recipient)) return Promise.resolve(recipient);
  let channel = dmChannels.get(recipient);
  if (!channel) {
    channel = slack.conversations.open({ users: recipient }).then((res) => {
      if (!res.channel?.id) throw new Error('conversations.open answered ok without a channel');
      return res.channel.id;
    });
    channel.catch(() => dmChannels.delete(recipient));
    dmChannels.set(recipient, channel);
  }
  return channel;
};
