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

export const notifyUser = async (client: WebClient, body: BlockAction, text: string): Promise<void> => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
  else await client.chat.postMessage({ channel: body.user.id, text });
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
