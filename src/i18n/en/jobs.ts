import type { Messages } from '../index.js';

type P = Record<string, string | number>;

export const jobsEn: Messages['jobs'] = {
  _example: (_p: P) => '',
};

export const jobsErrorsEn = {};
