/**
 * Write transactions that survive a busy database. SQLite (WAL) starts transactions deferred: one that
 * read first and then wants to write, while another connection committed in between, fails at once with
 * SQLITE_BUSY (its snapshot is stale; waiting cannot help). Such a transaction rolled back completely,
 * so running it again is safe: retry a few times with a short backoff instead of failing the user.
 */
import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export const TX_RETRIES = 8;

const isBusy = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | undefined)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || code === '40001')
  );
};

export const writeTransaction = async <T>(
  db: Db,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (!isBusy(err) || attempt >= TX_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, 25 * 2 ** Math.min(attempt, 5)));
    }
  }
};
