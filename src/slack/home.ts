/** Publishing a supporter's App Home: after app_home_opened and after every change they make. */
import type { WebClient } from '@slack/web-api';
import { messages } from '../i18n/index.js';
import { homeData } from '../usecases/homeData.js';
import { buildHomeView } from './blocks/home.js';
import type { ListenerDeps } from './context.js';

export const publishHome = async (deps: ListenerDeps, client: WebClient, userId: string): Promise<void> => {
  const now = deps.clock();
  const locale = await deps.locales.forUser(client, userId, now);
  const data = await homeData({ db: deps.database.db, config: deps.config }, userId, now);
  await client.views.publish({
    user_id: userId,
    view: buildHomeView({ m: messages(locale), locale, zone: deps.config.timezone, now }, data),
  });
};

/** Refreshes the Home tab without letting a Slack hiccup fail the user's command. */
export const refreshHome = (deps: ListenerDeps, client: WebClient, userId: string): Promise<void> =>
  publishHome(deps, client, userId).catch((err: unknown) => {
    deps.logger.warn({ err, userId }, 'could not refresh the Home tab');
  });
