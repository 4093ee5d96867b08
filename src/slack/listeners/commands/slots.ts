import type { CommandSpec } from './router.js';

export const slotsCommand: CommandSpec = {
  name: '/slots',
  help: (m) => m.help.slots,
  subcommands: {},
};
