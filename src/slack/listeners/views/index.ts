/** Modal submissions. Field errors go back on the field (`response_action: errors`); nothing is stored then. */
import type { ListenerDeps } from '../../../deps.js';
import type { ListenerTable } from '../table.js';
import * as consult from './consult.js';
import * as slots from './slots.js';
import * as study from './study.js';
import * as writeup from './writeup.js';

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  consult.register(table, deps);
  slots.register(table, deps);
  study.register(table, deps);
  writeup.register(table, deps);
};
