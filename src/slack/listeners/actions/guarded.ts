/**
 * What every button handler shares: ack at once, do the work, and when it fails tell the clicking user
 * what went wrong in their language — ephemerally where the button was, else by DM (e.g. the Home tab).
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { errorReply } from '../../reply.js';

export type ButtonArgs = { ack: () => Promise<void>; body: BlockAction<ButtonAction>; client: WebClient };
export type ButtonWork = (body: BlockAction<ButtonAction>, client: WebClient, now: Date) => Promise<void>;

/**
 * Ephemerally where the button was; a clicker who is not a member of that channel (a public channel can
 * be read without joining) makes chat.postEphemeral answer `user_not_in_channel`
 * (https://api.slack.com/methods/chat.postEphemeral), so the answer then goes through the action's
 * response_url, which reaches whoever clicked (https://api.slack.com/interactivity/handling#message_responses).
 */
export const notifyUser = async (client: WebClient, body: BlockAction, text: string): Promise<void> => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!channel) {
    await client.chat.postMessage({ channel: body.user.id, text });
    return;
  }
  try {
    await client.chat.postEphemeral({ channel, user: body.user.id, text });
  } catch (err) {
    const error = (err as { data?: { error?: unknown } }).data?.error;
    if (error !== 'user_not_in_channel' || !body.response_url) throw err;
    const res = await fetch(body.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
  }
};

export const guardedAction =
  (deps: ListenerDeps, work: ButtonWork) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const now = deps.clock();
    try {
      await work(body, client, now);
    } catch (err) {
      const locale = await deps.locales.forUser(client, body.user.id, now);
      await notifyUser(client, body, errorReply(locale, err, deps.logger).text).catch((notifyErr: unknown) =>
        deps.logger.warn({ err: notifyErr }, 'could not tell the user about a failed button'),
      );
    }
  };
