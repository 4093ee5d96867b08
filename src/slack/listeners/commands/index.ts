import type { ListenerDeps } from '../../../deps.js';
import type { ListenerTable } from '../table.js';
import { consultCommand } from './consult.js';
import { registerCommand } from './router.js';
import { slotsCommand } from './slots.js';
import { studyCommand } from './study.js';
import { supporterCommand } from './supporter.js';
import { writeupCommand } from './writeup.js';

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  registerCommand(table, deps, slotsCommand);
  registerCommand(table, deps, consultCommand);
  registerCommand(table, deps, supporterCommand);
  registerCommand(table, deps, studyCommand);
  registerCommand(table, deps, writeupCommand);
};
