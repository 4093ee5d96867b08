// @ts-check
/**
 * The replay guard every instance on one PostgreSQL database shares. Each front remembers the signatures
 * it took (./verify.js); this remembers them for all instances, in `seen_requests`, so that a signed
 * request captured on its way to one instance and sent to another inside the five-minute window is refused
 * there too. One insert per request, before the ack: the primary key decides which sighting is first.
 *
 * Plain JavaScript for the front's worker thread (see ./worker.js), which loads it only on PostgreSQL.
 */
import pg from 'pg';

/**
 * @typedef {object} SharedReplayOptions
 * @property {string} connectionString libpq-style, search_path already set for the app's schema.
 * @property {() => number} [nowSeconds] Wall-clock seconds; injectable for tests.
 */

/**
 * @typedef {object} SharedReplayGuard
 * @property {(signature: string, expiresAt: number) => Promise<boolean>} firstSighting
 *   Records the signature until `expiresAt` (epoch seconds); true when no instance had seen it.
 * @property {() => Promise<number>} sweep Forgets signatures past their time; how many.
 * @property {() => Promise<void>} close
 */

/** Signatures past their time are forgotten at most this often, by whichever instance comes first. */
export const SWEEP_EVERY_SECONDS = 60;
/** How long the check may wait for the database (to connect, then to answer). */
export const CHECK_TIMEOUT_MS = 1000;

/**
 * @param {SharedReplayOptions} opts
 * @returns {SharedReplayGuard}
 */
export const createSharedReplayGuard = (opts) => {
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  // Two sessions: the front's inserts are one short statement each. A database that does not answer must
  // fail the check well within Slack's 3 s for the ack (the request then goes on, see ./worker.js), not
  // hold it: pg waits forever by default.
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: 2,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    query_timeout: CHECK_TIMEOUT_MS,
  });
  pool.on('error', () => {}); // a dropped idle session is replaced by the next query
  let sweptAt = now();

  const sweep = async () => {
    sweptAt = now();
    const result = await pool.query('delete from seen_requests where expires_at < $1', [sweptAt]);
    return result.rowCount ?? 0;
  };

  return {
    firstSighting: async (signature, expiresAt) => {
      const result = await pool.query(
        'insert into seen_requests (signature, expires_at) values ($1, $2) on conflict (signature) do nothing',
        [signature, expiresAt],
      );
      if (now() - sweptAt >= SWEEP_EVERY_SECONDS) sweep().catch(() => {});
      return result.rowCount === 1;
    },
    sweep,
    close: () => pool.end(),
  };
};
