/**
 * PostgreSQL-specific checks (the postgres vitest project only): how `?schema=` and the pool behave, how
 * types come back, that the unique keys the dedupe relies on hold between separate pools (separate
 * processes, as far as the server can tell), that the job advisory lock is released when its session dies,
 * and the operator CLI against PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace } from '../../emulator/workspace.js';
import {
  type DatabaseHandle,
  openDatabase,
  parsePostgresUrl,
  redactDatabaseUrl,
} from '../../src/db/database.js';
import { isJobLocked, withJobLock } from '../../src/db/locks.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { claimEvent } from '../../src/db/repositories/consultations.js';
import { insertPendingDelivery } from '../../src/db/repositories/deliveries.js';
import { insertRun } from '../../src/db/repositories/jobRuns.js';
import { offeredCounts } from '../../src/db/repositories/slots.js';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { dropTestDatabase, onPostgres, testDatabaseUrl } from '../helpers/db.js';
import { testEnv } from '../helpers/harness.js';

const handles: DatabaseHandle[] = [];
const urls: string[] = [];

/** A fresh schema's URL; dropped after the test. */
const freshUrl = () => {
  const url = testDatabaseUrl();
  urls.push(url);
  return url;
};
const open = (url: string, poolSize?: number) => {
  const h = openDatabase(url, poolSize ? { poolSize } : {});
  handles.push(h);
  return h;
};

afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const u of urls.splice(0)) await dropTestDatabase(u);
});

describe.skipIf(!onPostgres())('PostgreSQL backend', () => {
  describe('DATABASE_URL', () => {
    it('?schema= selects (and creates) a schema for every session; the rest goes to pg', async () => {
      const url = freshUrl();
      const { schema } = parsePostgresUrl(url);
      const h = open(url);
      expect(h.dialect).toBe('postgres');
      expect(h.sqlite).toBeUndefined();
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(h.db);
      expect(rows[0]?.s).toBe(schema);
      await migrateToLatest(h.db);
      const tables = await h.db.introspection.getTables({ withInternalKyselyTables: true });
      const ours = tables.filter((t) => t.schema === schema).map((t) => t.name);
      expect(ours).toEqual(expect.arrayContaining(['slots', 'deliveries', 'kysely_migration']));
      expect(() => openDatabase('postgres://x@127.0.0.1/test?schema=Robert%27;drop')).toThrow(/schema/);
    });

    it('masks the password wherever the URL is shown', () => {
      expect(redactDatabaseUrl('postgres://app:s3cret@db.internal:5432/desk?schema=prod')).toBe(
        'postgres://app:***@db.internal:5432/desk?schema=prod',
      );
      expect(redactDatabaseUrl('sqlite:./data/x.sqlite')).toBe('sqlite:./data/x.sqlite');
    });

    it('keeps at most DB_POOL_SIZE sessions open', async () => {
      const h = open(freshUrl(), 2);
      const pids = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(
            h.db,
          );
          return rows[0]!.pid;
        }),
      );
      expect(new Set(pids).size).toBeLessThanOrEqual(2);
    });
  });

  describe('types', () => {
    it('come back as on SQLite: numbers for ids, integers and counts, strings for instants', async () => {
      const h = open(freshUrl());
      await migrateToLatest(h.db);
      await h.db
        .insertInto('supporters')
        .values({
          id: 'U1',
          display_name: null,
          locale: null,
          source: 'command',
          joined_at: 'x',
          left_at: null,
        })
        .execute();
      const slot = await h.db
        .insertInto('slots')
        .values({
          supporter_id: 'U1',
          start_at: '2026-12-03T10:00:00.000Z',
          end_at: '2026-12-03T11:00:00.000Z',
          minutes: 60,
          status: 'open',
          writeup_done_at: null,
          created_at: 'x',
          updated_at: 'x',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      expect(typeof slot.id).toBe('number');
      expect(slot.minutes).toBe(60);
      expect(slot.start_at).toBe('2026-12-03T10:00:00.000Z');
      const counts = await offeredCounts(h.db, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
      expect(counts.get('U1')).toBe(1);
      const raw = await h.db
        .selectFrom('slots')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(raw?.n).toBe(1); // bigint parsed to a number, not the string pg gives by default
      await h.db
        .insertInto('supporter_months')
        .values({ supporter_id: 'U1', month: '2026-12', quota_override: null })
        .execute();
      const flags = await h.db.selectFrom('supporter_months').selectAll().executeTakeFirstOrThrow();
      expect([flags.away, flags.exempt]).toEqual([0, 0]);
    });
  });

  describe('unique keys between separate pools', () => {
    let url: string;
    let one: DatabaseHandle;
    let two: DatabaseHandle;
    beforeAll(async () => {
      url = testDatabaseUrl();
      one = openDatabase(url);
      two = openDatabase(url);
      // Two handles migrating an empty schema at once: kysely's migration lock lets one do it.
      const outcomes = await Promise.all([migrateToLatest(one.db), migrateToLatest(two.db)]);
      expect(outcomes.flatMap((o) => o.applied).filter((m) => m === '0001_initial')).toHaveLength(1);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      if (url) await dropTestDatabase(url);
    });

    it('claim each Slack event once', async () => {
      const ids = Array.from({ length: 20 }, (_, i) => `Ev${i}`);
      const claims = await Promise.all(
        ids.flatMap((id) => [claimEvent(one.db, id, 'x'), claimEvent(two.db, id, 'x')]),
      );
      expect(claims.filter(Boolean)).toHaveLength(ids.length);
    });

    it('record each delivery key once', async () => {
      const keys = Array.from({ length: 20 }, (_, i) => `quota:U${i}:2026-12:2026-12-01`);
      const row = (key: string) => ({ key, job: 'quota-reminders', recipient: 'U1', at: 'x' });
      const inserted = await Promise.all(
        keys.flatMap((k) => [insertPendingDelivery(one.db, row(k)), insertPendingDelivery(two.db, row(k))]),
      );
      expect(inserted.filter(Boolean)).toHaveLength(keys.length);
      await expect(
        one.db
          .insertInto('deliveries')
          .values({
            key: keys[0]!,
            job: 'j',
            recipient: 'U1',
            status: 'pending',
            created_at: 'x',
            updated_at: 'x',
          })
          .execute(),
      ).rejects.toThrow(/duplicate key value violates unique constraint/);
    });

    it('give each job occurrence one run row', async () => {
      const run = (holder: string) => ({
        job: 'quota-reminders',
        scheduledFor: '2026-12-01T01:00:00.000Z',
        trigger: 'schedule',
        holder,
        at: 'x',
      });
      const ids = await Promise.all([insertRun(one.db, run('a')), insertRun(two.db, run('b'))]);
      expect(ids.filter((id) => id !== undefined)).toHaveLength(1);
    });
  });

  describe('withJobLock', () => {
    it('lets one session run a job at a time; other jobs and other schemas are independent', async () => {
      const url = freshUrl();
      const a = open(url);
      const b = open(url);
      const elsewhere = open(freshUrl());
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let entered!: () => void;
      const inside = new Promise<void>((r) => {
        entered = r;
      });
      const first = withJobLock(a.db, 'quota-reminders', async () => {
        entered();
        await held;
        return 'first';
      });
      await inside;
      expect(await withJobLock(b.db, 'quota-reminders', async () => 'second')).toEqual({ acquired: false });
      expect(await isJobLocked(b.db, 'quota-reminders')).toBe(true);
      expect(await withJobLock(b.db, 'operator-digest', async () => 'other job')).toEqual({
        acquired: true,
        exclusive: true,
        value: 'other job',
      });
      expect((await withJobLock(elsewhere.db, 'quota-reminders', async () => 1)).acquired).toBe(true);
      release();
      expect(await first).toEqual({ acquired: true, exclusive: true, value: 'first' });
      expect(await isJobLocked(b.db, 'quota-reminders')).toBe(false);
      await expect(
        withJobLock(b.db, 'quota-reminders', async () => {
          throw new Error('job failed');
        }),
      ).rejects.toThrow('job failed');
      expect(await isJobLocked(a.db, 'quota-reminders')).toBe(false);
    });

    it('is released when the holder’s session is terminated', async () => {
      const url = freshUrl();
      const a = open(url);
      const b = open(url);
      let entered!: () => void;
      const inside = new Promise<void>((r) => {
        entered = r;
      });
      const holding = withJobLock(a.db, 'advice-nudges', async () => {
        entered();
        await new Promise((r) => setTimeout(r, 1500));
      });
      await inside;
      expect(await isJobLocked(b.db, 'advice-nudges')).toBe(true);
      const { rows } = await sql<{ pid: number }>`
        select pid from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid()
          and objid = hashtext(${`${parsePostgresUrl(url).schema!}:advice-nudges`}::text)::oid`.execute(b.db);
      expect(rows).toHaveLength(1);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(b.db);
      await expect.poll(() => isJobLocked(b.db, 'advice-nudges'), { timeout: 5000 }).toBe(false);
      await holding; // the holder's own unlock fails quietly: its session is gone
    });

    it('is released when the holding process is killed', async () => {
      const url = freshUrl();
      const b = open(url);
      // A child that holds the lock through src/db/locks.ts itself: this tests that module (like the rest
      // of this file, on the source, through tsx as a dev tool), not the build; the compiled app's own
      // processes are tested in test/e2e (start, two-instances, jobs).
      const script = `
        import { openDatabase } from './src/db/database.ts';
        import { withJobLock } from './src/db/locks.ts';
        const h = openDatabase(process.env.DATABASE_URL);
        await withJobLock(h.db, 'writeup-reminders', async () => {
          process.stdout.write('locked\\n');
          await new Promise(() => {});
        });`;
      const child: ChildProcess = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((r) => child.once('close', r));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('child never took the lock')), 20_000);
          child.stdout?.on('data', (d: Buffer) => {
            if (String(d).includes('locked')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        expect(await isJobLocked(b.db, 'writeup-reminders')).toBe(true);
      } finally {
        child.kill('SIGKILL');
        await exited;
      }
      await expect.poll(() => isJobLocked(b.db, 'writeup-reminders'), { timeout: 5000 }).toBe(false);
    });

    it('is a no-op on SQLite (the job_runs row is the guard there)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sd-lock-'));
      const h = openDatabase(`sqlite:${join(dir, 'x.sqlite')}`);
      try {
        expect(await withJobLock(h.db, 'quota-reminders', async () => 1)).toEqual({
          acquired: true,
          exclusive: false,
          value: 1,
        });
        expect(await isJobLocked(h.db, 'quota-reminders')).toBeUndefined();
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('operator CLI', () => {
    let fake: FakeSlack;
    beforeAll(async () => {
      fake = await new FakeSlack().start();
      seedWorkspace(fake);
    });
    afterAll(async () => {
      await fake?.stop();
    });

    it('migrate, export, job and doctor work; backup points to pg_dump in one line', async () => {
      const url = freshUrl();
      const env = testEnv(fake, url);
      const migrate = await runCliInProcess(['migrate'], env);
      expect(migrate.code, migrate.stderr).toBe(0);
      expect(migrate.stderr).toContain('applied: 0001_initial');
      expect((await runCliInProcess(['migrate'], env)).stderr).toContain('database is up to date');

      const h = open(url);
      await h.db
        .insertInto('supporters')
        .values({
          id: 'UAIKO',
          display_name: null,
          locale: null,
          source: 'command',
          joined_at: 'x',
          left_at: null,
        })
        .execute();
      const exported = await runCliInProcess(['export', 'supporters', '--month', '2026-12'], env);
      expect(exported.code, exported.stderr).toBe(0);
      expect(JSON.parse(exported.stdout)).toEqual([expect.objectContaining({ id: 'UAIKO', slots: 0 })]);

      const job = await runCliInProcess(
        ['job', 'quota-reminders', '--now', '2026-12-01T10:00:00+09:00'],
        env,
      );
      expect(job.code, job.stderr).toBe(0);
      expect(job.stderr).toContain('quota-reminders: sent 1, skipped 0, failed 0');
      expect(fake.state.dmsTo('UAIKO')).toHaveLength(1);

      const doctor = await runCliInProcess(['doctor'], {
        ...env,
        DATABASE_URL: url.replace('postgres://', 'postgres://postgres:pw@'),
      });
      expect(doctor.code, doctor.stderr).toBe(0);
      expect(doctor.stderr).toMatch(/✓ database: PostgreSQL postgres:\/\/postgres:\*\*\*@/);
      expect(doctor.stderr).not.toContain('not migrated');

      const backup = await runCliInProcess(['backup', join(tmpdir(), 'never-written.sqlite')], env);
      expect(backup.code).not.toBe(0);
      expect(backup.stderr.trim().split('\n')).toHaveLength(1);
      expect(backup.stderr).toMatch(/pg_dump/);
    });

    it('doctor names an unreachable server', async () => {
      const doctor = await runCliInProcess(['doctor'], {
        ...testEnv(fake, 'postgres://postgres@127.0.0.1:1/test'),
      });
      expect(doctor.code).not.toBe(0);
      expect(doctor.stderr).toMatch(/✗ database: .*ECONNREFUSED/);
    });
  });
});
