/** Registers every listener. One hop from a Slack action to its behaviour: listeners/<kind>/index.ts. */
import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app.js';
import type { ListenerDeps } from '../context.js';
import { LocaleResolver } from '../locale.js';
import * as commands from './commands/index.js';

export const registerListeners = (app: App, appDeps: AppDeps): ListenerDeps => {
  const deps: ListenerDeps = {
    ...appDeps,
    locales: new LocaleResolver(appDeps.database.db, appDeps.config.defaultLocale, appDeps.logger),
  };
  commands.register(app, deps);
  return deps;
};
