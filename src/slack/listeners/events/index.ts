/** Events API listeners: the Home tab, and the roster following SUPPORTERS_CHANNEL_ID. */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { recordThreadReply } from '../../../usecases/recordThreadReply.js';
import { joinFromChannel } from '../../../usecases/roster.js';
import { publishHome } from '../../home.js';
import { warnAboutPersonalData } from '../../replyWarning.js';

/** The reply still counts (recorded above); one that looks like personal data gets its author warned. */
const checkReply = async (
  deps: ListenerDeps,
  client: WebClient,
  event: { channel: string; thread_ts?: string; ts: string; user?: string; text?: string },
) => {
  if (!event.thread_ts || !event.user) return;
  await warnAboutPersonalData(deps, client, {
    channel: event.channel,
    threadTs: event.thread_ts,
    ts: event.ts,
    user: event.user,
    text: event.text ?? '',
  });
};

export const register = (app: App, deps: ListenerDeps): void => {
  // Thread replies in the advice channel answer consultations. Edits, deletions and bot posts arrive
  // with a subtype or bot_id and never count.
  app.event('message', async ({ event, body, client }) => {
    if (event.channel !== deps.config.channels.advice) return;
    if (event.subtype !== undefined || 'bot_id' in event) return;
    if (!event.thread_ts || event.thread_ts === event.ts || !event.user) return;
    const outcome = await recordThreadReply(deps, {
      eventId: body.event_id,
      channel: event.channel,
      threadTs: event.thread_ts,
      messageTs: event.ts,
      userId: event.user,
      now: deps.clock(),
    });
    deps.logger.debug({ outcome, eventId: body.event_id }, 'thread message');
    if (outcome !== 'duplicate') await checkReply(deps, client, event);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, event.user);
  });

  app.event('member_joined_channel', async ({ event, client }) => {
    if (!deps.config.channels.supporters || event.channel !== deps.config.channels.supporters) return;
    const info = await client.users.info({ user: event.user, include_locale: true });
    if (info.user?.is_bot || info.user?.deleted) return;
    await joinFromChannel(deps, event.user, info.user?.locale, deps.clock());
  });
};
