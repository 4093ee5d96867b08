import type { Messages } from '../index.js';

type P = Record<string, string | number>;

export const studyEn: Messages['study'] = {
  help: (_p: P) => '*`/study` — study sessions* (coming soon)',
};

export const studyErrorsEn = {};
