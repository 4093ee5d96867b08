import type { CommandSpec } from './router.js';

export const supporterCommand: CommandSpec = {
  name: '/supporter',
  help: (m) => m.help.supporter,
  subcommands: {},
};
