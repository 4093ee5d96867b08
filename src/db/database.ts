/**
 * Opens the database named by DATABASE_URL.
 * - `sqlite:<path>` (the default) → better-sqlite3 with WAL, foreign keys and a busy timeout;
 *   `sqlite::memory:` for throwaway use.
 * - `postgres://user:pass@host:5432/db` (or `postgresql://`) → a `pg` pool of `poolSize` connections
 *   (DB_POOL_SIZE). Any libpq-style parameter pg understands may follow (`?sslmode=require` …), plus our
 *   own `?schema=<name>`: every connection uses that schema (search_path), created when missing — one
 *   database can host several deployments or test runs side by side.
 * The same migrations and repositories run on both: instants are ISO strings in `text`, flags 0/1.
 * PostgreSQL's bigint (e.g. `count(*)`) is parsed to a JS number, as SQLite returns it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { withStatementCache } from './statementCache.js';

export type Db = Kysely<Database>;
/** Repository functions take either: they never open their own transaction when handed one. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

type HandleBase = {
  db: Db;
  close: () => Promise<void>;
};

export type SqliteHandle = HandleBase & {
  dialect: 'sqlite';
  /** The SQLite file (absent for :memory:). */
  file: string | undefined;
  /** The raw better-sqlite3 connection, for the online backup and PRAGMAs. */
  sqlite: SQLite.Database;
};

export type PostgresHandle = HandleBase & {
  dialect: 'postgres';
  file: undefined;
  sqlite?: undefined;
  /** The schema named by `?schema=` (undefined: the server's default search_path, usually `public`). */
  schema: string | undefined;
  poolSize: number;
};

export type DatabaseHandle = SqliteHandle | PostgresHandle;

export type OpenOptions = {
  /** PostgreSQL pool size (DB_POOL_SIZE); ignored for SQLite, which has one connection. */
  poolSize?: number;
  /** How long a new PostgreSQL session may take to open (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
};

export const BUSY_TIMEOUT_MS = 5000;
export const DEFAULT_POOL_SIZE = 10;
/**
 * A PostgreSQL server that does not answer (a dead network, a full backlog) fails a query after this long
 * instead of holding it forever, pg's default: the user then gets an error reply, a job a failed run.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

export const sqlitePathFromUrl = (url: string): string => {
  const rest = url.replace(/^sqlite:(\/\/)?/, '');
  if (!rest)
    throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/supporter-desk.sqlite');
  return rest;
};

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Splits our `?schema=` off a PostgreSQL URL. The rest goes to `pg` unchanged, except that the schema is
 * added to the libpq `options` parameter (`-c search_path=<schema>`), so every session — pooled or not —
 * starts in it without an extra round trip.
 */
export const parsePostgresUrl = (url: string): { connectionString: string; schema: string | undefined } => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a valid postgres:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_RE.test(schema)) {
    throw new Error(`DATABASE_URL ?schema= must be a lower-case identifier (a-z, 0-9, _), got "${schema}"`);
  }
  parsed.searchParams.delete('schema');
  if (schema) {
    const options = parsed.searchParams.get('options');
    parsed.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  }
  return { connectionString: parsed.toString(), schema };
};

/** The URL without our `?schema=`, as libpq tools (psql, pg_dump) accept it. */
export const serverUrlOf = (url: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
};

/** The URL with its password masked, for logs and `doctor`. */
export const redactDatabaseUrl = (url: string): string => {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
};

export function openDatabase(url: `sqlite:${string}`, options?: OpenOptions): SqliteHandle;
export function openDatabase(url: string, options?: OpenOptions): DatabaseHandle;
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url);
  if (isPostgresUrl(url))
    return openPostgres(
      url,
      options.poolSize ?? DEFAULT_POOL_SIZE,
      options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    );
  throw new Error(`DATABASE_URL ${url.split(':')[0]}: is not supported (use sqlite:<path> or postgres://…)`);
}

const openSqlite = (url: string): SqliteHandle => {
  const path = sqlitePathFromUrl(url);
  const inMemory = path === ':memory:';
  const file = inMemory ? undefined : resolve(path);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file ?? ':memory:');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', file, sqlite, close: closeOnce(db) };
};

const INT8_OID = 20;
/** int8 (count(*), sum of integers) as a JS number, like SQLite; everything else as pg parses it. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** How a dedicated (non-pool) session is opened for a Kysely instance: see db/locks.ts. */
const sessionOpeners = new WeakMap<object, () => Promise<pg.Client>>();

/**
 * A new PostgreSQL session outside the pool, with the handle's settings (schema), for holders of
 * session-level advisory locks. Undefined for SQLite or a Kysely instance not made by openDatabase.
 */
export const openDedicatedSession = (db: object): Promise<pg.Client> | undefined =>
  sessionOpeners.get(db)?.();

const openPostgres = (url: string, poolSize: number, connectTimeoutMs: number): PostgresHandle => {
  const { connectionString, schema } = parsePostgresUrl(url);
  // The first session of this handle creates the schema if needed (search_path already names it).
  let schemaReady: Promise<void> | undefined;
  const ensureSchema = async (run: (sql: string) => Promise<unknown>) => {
    if (!schema) return;
    schemaReady ??= run(`create schema if not exists "${schema}"`).then(
      () => undefined,
      (err: unknown) => {
        // Two sessions creating it at once: one of them gets a duplicate error although it exists now.
        const code = (err as { code?: string }).code;
        if (code === '23505' || code === '42P06') return;
        schemaReady = undefined;
        throw err;
      },
    );
    await schemaReady;
  };
  // Every session of this handle, pooled or the job lock's own, is opened the same way.
  const session = {
    connectionString,
    types: pgTypes,
    keepAlive: true,
    connectionTimeoutMillis: connectTimeoutMs,
  };
  const pool = new pg.Pool({
    ...session,
    max: poolSize,
    // A new session costs a server process: keep a couple open between bursts of requests.
    min: Math.min(2, poolSize),
    idleTimeoutMillis: 60_000,
  });
  // An idle connection the server dropped (restart, pg_terminate_backend) must not crash the process:
  // the pool discards it and the next query gets a fresh one.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: (conn: DatabaseConnection) =>
        ensureSchema((text) => conn.executeQuery(CompiledQuery.raw(text))),
    }),
  });
  sessionOpeners.set(db, async () => {
    const client = new pg.Client(session);
    client.on('error', () => {});
    await client.connect();
    try {
      await ensureSchema((text) => client.query(text));
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    return client;
  });
  return { db, dialect: 'postgres', file: undefined, schema, poolSize, close: closeOnce(db) };
};

const closeOnce = (db: Db) => {
  let closed = false;
  return async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  };
};
