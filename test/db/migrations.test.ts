import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { dropTestDatabase, onPostgres, testDatabaseUrlFor } from '../helpers/db.js';

const dirs: string[] = [];
const urls: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-mig-'));
  dirs.push(dir);
  return join(dir, 'nested', 'db.sqlite');
};
/** A fresh database of the dialect under test (TEST_DB): a SQLite file in a new directory, or a schema. */
const tempUrl = () => {
  const url = testDatabaseUrlFor(tempDb());
  urls.push(url);
  return url;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const u of urls.splice(0)) await dropTestDatabase(u);
});

/** SQLite says "UNIQUE constraint failed", PostgreSQL "duplicate key value violates unique constraint". */
const UNIQUE_VIOLATION = /UNIQUE|unique|duplicate key/;

describe('migrations', () => {
  it('create every table from an empty database (directory or schema created) and are idempotent', async () => {
    const h = openDatabase(tempUrl());
    const first = await migrateToLatest(h.db);
    expect(first.applied).toContain('0001_initial');
    const schema = h.dialect === 'postgres' ? h.schema : undefined;
    const tables = (await h.db.introspection.getTables())
      .filter((t) => schema === undefined || t.schema === schema)
      .map((t) => t.name);
    for (const t of [
      'supporters',
      'supporter_expertise',
      'supporter_months',
      'slots',
      'consultations',
      'consultation_tags',
      'thread_replies',
      'slack_events',
      'deliveries',
      'job_runs',
      'seen_requests',
      'audit_log',
      'erasures',
    ]) {
      expect(tables).toContain(t);
    }
    expect((await migrateToLatest(h.db)).applied).toEqual([]);
    await h.close();
  });

  // SQLite-only: PRAGMAs do not exist on PostgreSQL (test/db/postgres.test.ts checks its settings).
  it.skipIf(onPostgres())('opens SQLite with WAL, foreign keys and a busy timeout', async () => {
    const h = openDatabase(`sqlite:${tempDb()}`);
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(h.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    await h.close();
  });

  it('enforces unique keys that dedupe Slack events and deliveries', async () => {
    const h = openDatabase(tempUrl());
    await migrateToLatest(h.db);
    await h.db.insertInto('slack_events').values({ event_id: 'Ev1', received_at: 'x' }).execute();
    await expect(
      h.db.insertInto('slack_events').values({ event_id: 'Ev1', received_at: 'y' }).execute(),
    ).rejects.toThrow(UNIQUE_VIOLATION);
    const row = {
      key: 'k',
      job: 'j',
      recipient: 'U1',
      status: 'pending' as const,
      created_at: 'x',
      updated_at: 'x',
    };
    await h.db.insertInto('deliveries').values(row).execute();
    await expect(h.db.insertInto('deliveries').values(row).execute()).rejects.toThrow(UNIQUE_VIOLATION);
    await h.close();
  });
});

describe.skipIf(!onPostgres())('migrations beside other schemas (PostgreSQL)', () => {
  it('are not disturbed by DDL in another schema (a table renamed over and over meanwhile)', async () => {
    const other = openDatabase(tempUrl());
    const ours = openDatabase(tempUrl());
    await migrateToLatest(other.db);
    let renaming = true;
    const churn = (async () => {
      for (let i = 0; renaming; i++) {
        const [from, to] =
          i % 2 ? ['seen_requests_gone', 'seen_requests'] : ['seen_requests', 'seen_requests_gone'];
        await other.db.schema.alterTable(from).renameTo(to).execute();
      }
    })();
    try {
      // kysely's own check lists every schema's tables; a rename between its catalog read and
      // pg_get_serial_sequence failed the run with `relation "<other>.seen_requests" does not exist`.
      for (let i = 0; i < 25; i++) await migrateToLatest(ours.db);
    } finally {
      renaming = false;
      await churn;
      await other.close();
      await ours.close();
    }
  }, 60_000);
});
