/** Events API listeners: the Home tab, and the roster following SUPPORTERS_CHANNEL_ID. */
import type { App } from '@slack/bolt';
import { ensureSupporter } from '../../../db/repositories/supporters.js';
import { toUtcIso } from '../../../domain/calendar.js';
import type { ListenerDeps } from '../../context.js';
import { publishHome } from '../../home.js';

export const register = (app: App, deps: ListenerDeps): void => {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, event.user);
  });

  app.event('member_joined_channel', async ({ event, client }) => {
    if (!deps.config.channels.supporters || event.channel !== deps.config.channels.supporters) return;
    const info = await client.users.info({ user: event.user });
    if (info.user?.is_bot || info.user?.deleted) return;
    await ensureSupporter(deps.database.db, event.user, 'channel', toUtcIso(deps.clock()));
  });
};
