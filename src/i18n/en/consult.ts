import type { Messages } from '../index.js';

type P = Record<string, string | number>;

export const consultEn: Messages['consult'] = {
  _example: (_p: P) => '',
};

export const consultErrorsEn = {};
