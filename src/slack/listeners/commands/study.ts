/** `/study` (勉強会): placeholder until the study-sessions feature lands. */
import type { CommandSpec } from './router.js';

export const studyCommand: CommandSpec = {
  name: '/study',
  help: (m) => m.study.help({}),
  subcommands: {},
};
