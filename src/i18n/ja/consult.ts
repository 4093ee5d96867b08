/** consult messages (Japanese). Errors go in consultErrorsJa; both are merged into ja.ts. */
type P = Record<string, string | number>;

export const consultJa = {
  _example: (_p: P) => '',
};

export const consultErrorsJa = {};
