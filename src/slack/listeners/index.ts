/** Registers every listener. One hop from a Slack action to its behaviour: listeners/<kind>/index.ts. */
import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app.js';
import type { ListenerDeps } from '../context.js';
import { LocaleResolver } from '../locale.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as views from './views/index.js';

export const registerListeners = (app: App, appDeps: AppDeps): ListenerDeps => {
  const deps: ListenerDeps = {
    ...appDeps,
    locales: new LocaleResolver(appDeps.database.db, appDeps.config.defaultLocale, appDeps.logger),
  };
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  events.register(app, deps);
  return deps;
};
