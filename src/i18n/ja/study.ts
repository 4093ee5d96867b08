/** Study sessions (勉強会) messages (Japanese). Errors go in studyErrorsJa; both are merged into ja.ts. */
type P = Record<string, string | number>;

export const studyJa = {
  help: (_p: P) => '*`/study` — 勉強会*（準備中）',
};

export const studyErrorsJa = {};
