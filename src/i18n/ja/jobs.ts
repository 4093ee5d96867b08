/** jobs messages (Japanese). Errors go in jobsErrorsJa; both are merged into ja.ts. */
type P = Record<string, string | number>;

export const jobsJa = {
  _example: (_p: P) => '',
};

export const jobsErrorsJa = {};
