/**
 * The shape of a message table: ja's (the default language). A key missing in en (or any other language)
 * fails typecheck. Its own module so that the tables (en.ts, en/*.ts) and index.ts, which imports them,
 * never import each other. Error messages are keyed by the domain's ErrorCode (src/domain/errors.ts).
 */
import type { ja } from './ja.js';

export type Messages = typeof ja;
