/**
 * Events API listeners: answers in threads, the Home tab, and the roster following SUPPORTERS_CHANNEL_ID
 * and deactivated accounts.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../../../deps.js';
import { recordThreadReply } from '../../../usecases/recordThreadReply.js';
import { joinFromChannel, leaveDeactivated } from '../../../usecases/roster.js';
import { publishHome } from '../../home.js';
import { warnAboutPersonalData } from '../../replyWarning.js';
import { type Answer, answerOf } from './answers.js';

/** The reply still counts (recorded first); one that looks like personal data gets its author warned. */
const checkReply = (deps: ListenerDeps, client: WebClient, channel: string, reply: Answer, text: string) =>
  warnAboutPersonalData(deps, client, {
    channel,
    threadTs: reply.threadTs,
    ts: reply.messageTs,
    user: reply.userId,
    text,
  });

export const register = (app: App, deps: ListenerDeps): void => {
  // Thread replies in the advice channel answer consultations, whatever their subtype (answerOf).
  app.event('message', async ({ event, body, client }) => {
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
    const text = 'text' in event && typeof event.text === 'string' ? event.text : '';
    if (outcome !== 'duplicate') await checkReply(deps, client, event.channel, reply, text);
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

  // A deactivated account (https://api.slack.com/events/user_change: the full user object, `deleted: true`;
  // needs users:read) leaves the roster at once instead of at the next roster sync.
  app.event('user_change', async ({ event }) => {
    if (!event.user.deleted) return;
    const left = await leaveDeactivated(deps, event.user.id, deps.clock());
    if (left) deps.logger.info({ user: event.user.id }, 'deactivated in Slack: left the roster');
  });
};
