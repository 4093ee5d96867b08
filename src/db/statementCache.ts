/**
 * better-sqlite3 for Kysely with prepared statements kept and reused.
 *
 * Kysely's SQLite driver calls `prepare(sql)` for every query, and SQLite then parses and plans the same
 * SQL again: a fifth of a slash command's CPU in `npm run bench` (figure 1). A statement depends only on
 * its SQL text, so the last `MAX_STATEMENTS` distinct texts keep theirs (least recently used goes first;
 * `IN (?, ?, …)` lists of different lengths are different texts). Reuse is safe because Kysely runs one
 * query at a time on SQLite's single connection, and SQLite re-prepares a kept statement by itself after
 * a schema change (a migration).
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const MAX_STATEMENTS = 200;

export const withStatementCache = (sqlite: SQLite.Database, max = MAX_STATEMENTS): SqliteDatabase => {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // re-inserted below: Map order is recency
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
};
