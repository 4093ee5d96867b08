/** Registers every listener. One hop from a Slack action to its behaviour: listeners/<kind>/index.ts. */
import type { App } from '@slack/bolt';
import { createJobClient } from '../../delivery/client.js';
import type { AppDeps, ListenerDeps } from '../../deps.js';
import { LocaleResolver } from '../locale.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as functions from './functions/index.js';
import * as shortcuts from './shortcuts/index.js';
import { ListenerTable } from './table.js';
import * as views from './views/index.js';

/** Builds the listeners' deps once (the job client for DMs, the locale resolver) and registers them. */
export const registerListeners = (app: App, appDeps: AppDeps): ListenerDeps => {
  const db = appDeps.database.db;
  const deps: ListenerDeps = {
    ...appDeps,
    db,
    slack: createJobClient(appDeps.config),
    locales: new LocaleResolver({ db }, appDeps.config.defaultLocale, appDeps.logger),
  };
  const table = new ListenerTable();
  commands.register(table, deps);
  actions.register(table, deps);
  views.register(table, deps);
  table.mount(app, deps.logger);
  events.register(app, deps);
  shortcuts.register(app, deps);
  functions.register(app, deps);
  return deps;
};
