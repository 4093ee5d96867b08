import type { CommandSpec } from './router.js';

export const consultCommand: CommandSpec = {
  name: '/consult',
  help: (m) => m.help.consult,
  subcommands: {},
};
