/**
 * Opens the database named by DATABASE_URL. `sqlite:<path>` (the default) → better-sqlite3 with WAL,
 * foreign keys and a busy timeout; `sqlite::memory:` for throwaway use. PostgreSQL comes with its own issue.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Repository functions take either: they never open their own transaction when handed one. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

export type DatabaseHandle = {
  db: Db;
  dialect: 'sqlite';
  /** The SQLite file (absent for :memory:). */
  file: string | undefined;
  /** The raw better-sqlite3 connection, for the online backup and PRAGMAs. */
  sqlite: SQLite.Database;
  close: () => Promise<void>;
};

export const BUSY_TIMEOUT_MS = 5000;

export const sqlitePathFromUrl = (url: string): string => {
  const rest = url.replace(/^sqlite:(\/\/)?/, '');
  if (!rest)
    throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/supporter-desk.sqlite');
  return rest;
};

export const openDatabase = (url: string): DatabaseHandle => {
  if (!url.startsWith('sqlite:')) {
    throw new Error(`DATABASE_URL ${url.split(':')[0]}: is not supported yet (use sqlite:<path>)`);
  }
  const path = sqlitePathFromUrl(url);
  const inMemory = path === ':memory:';
  const file = inMemory ? undefined : resolve(path);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file ?? ':memory:');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    file,
    sqlite,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
};
