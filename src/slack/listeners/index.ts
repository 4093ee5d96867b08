/** Registers every listener. One hop from a Slack action to its behaviour: listeners/<kind>/index.ts. */
import type { App } from '@slack/bolt';
import type { AppDeps } from '../../app.js';
import type { ListenerDeps } from '../context.js';
import { LocaleResolver } from '../locale.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import { ListenerTable } from './table.js';
import * as views from './views/index.js';

export const registerListeners = (app: App, appDeps: AppDeps): ListenerDeps => {
  const deps: ListenerDeps = {
    ...appDeps,
    locales: new LocaleResolver(appDeps.database.db, appDeps.config.defaultLocale, appDeps.logger),
  };
  const table = new ListenerTable();
  commands.register(table, deps);
  actions.register(table, deps);
  views.register(table, deps);
  table.mount(app, deps.logger);
  events.register(app, deps);
  return deps;
};
