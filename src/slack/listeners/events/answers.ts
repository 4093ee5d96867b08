/**
 * Which `message` events are a person's answer in a thread (https://api.slack.com/events/message and its
 * subtype pages): a plain reply, a reply also sent to the channel (`thread_broadcast`) and a reply with a
 * file (`file_share`) all count. Edits (`message_changed`) and deletions (`message_deleted`) are about a
 * message already seen, so never count again; bot posts (`bot_message`, or any event with `bot_id`) never
 * count; neither do joins and other channel notices.
 */
import type { AllMessageEvents } from '@slack/types';

const ANSWER_SUBTYPES = new Set<string | undefined>([undefined, 'thread_broadcast', 'file_share']);

export type Answer = { threadTs: string; messageTs: string; userId: string };

export const answerOf = (event: AllMessageEvents): Answer | undefined => {
  if (!ANSWER_SUBTYPES.has(event.subtype) || 'bot_id' in event) return undefined;
  if (!('user' in event) || !event.user) return undefined;
  const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
  if (!threadTs || threadTs === event.ts) return undefined;
  return { threadTs, messageTs: event.ts, userId: event.user };
};
