/** Events API listeners: the Home tab, and the roster following SUPPORTERS_CHANNEL_ID. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../../deps.js';
import { recordThreadReply } from '../../../usecases/recordThreadReply.js';
import { joinFromChannel } from '../../../usecases/roster.js';
import { publishHome } from '../../home.js';
import { answerOf } from './answers.js';

export const register = (app: App, deps: ListenerDeps): void => {
  // Thread replies in the advice channel answer consultations, whatever their subtype (answerOf).
  app.event('message', async ({ event, body }) => {
    if (event.channel !== deps.config.channels.advice) return;
    const reply = answerOf(event);
    if (!reply) return;
    const outcome = await recordThreadReply(deps, {
      eventId: body.event_id,
      channel: event.channel,
      ...reply,
      now: deps.clock(),
    });
    deps.logger.debug({ outcome, eventId: body.event_id }, 'thread message');
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
