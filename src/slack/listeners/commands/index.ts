import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../context.js';
import { consultCommand } from './consult.js';
import { registerCommand } from './router.js';
import { slotsCommand } from './slots.js';
import { studyCommand } from './study.js';
import { supporterCommand } from './supporter.js';

export const register = (app: App, deps: ListenerDeps): void => {
  registerCommand(app, deps, slotsCommand);
  registerCommand(app, deps, consultCommand);
  registerCommand(app, deps, supporterCommand);
  registerCommand(app, deps, studyCommand);
};
