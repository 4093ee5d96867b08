/** Publishing a supporter's App Home: after app_home_opened and after every change they make. */
import type { WebClient } from '@slack/web-api';
import type { ListenerDeps } from '../deps.js';
import { messages } from '../i18n/index.js';
import { homeData } from '../usecases/homeData.js';
import { buildHomeView } from './blocks/home.js';
import { privacyNoticeBlocks } from './blocks/privacyNotice.js';

export const publishHome = async (deps: ListenerDeps, client: WebClient, userId: string): Promise<void> => {
  const now = deps.clock();
  const locale = await deps.locales.forUser(client, userId, now);
  const data = await homeData(deps, userId, now);
  const m = messages(locale);
  const home = buildHomeView({ m, locale, zone: deps.config.timezone, now }, data);
  const view = { ...home, blocks: [...home.blocks, ...privacyNoticeBlocks(m, deps.config.retentionDays)] };
  // The view goes as the JSON text Slack receives anyway. Given the object, web-api would first copy it
  // whole for a debug line it builds on every call, logging on or not (redact() in WebClient.js): the
  // largest allocation of a command in the slash bench.
  await client.apiCall('views.publish', { user_id: userId, view: JSON.stringify(view) });
};

/** Refreshes the Home tab without letting a Slack hiccup fail the user's command. */
export const refreshHome = (deps: ListenerDeps, client: WebClient, userId: string): Promise<void> =>
  publishHome(deps, client, userId).catch((err: unknown) => {
    deps.logger.warn({ err, userId }, 'could not refresh the Home tab');
  });
