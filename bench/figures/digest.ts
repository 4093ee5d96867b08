/**
 * Figure 2: the operator digest's data and blocks (digestData + buildDigest) for one month of a 10,000-
 * supporter community with 12 months of slots, against the one query it cannot do without — the bare
 * per-supporter count of offered slots that month — on the same database, median of 11 runs each.
 * SQLite always; PostgreSQL beside it when reachable and src/db/database.ts opens postgres:// URLs.
 * Also (info): /slots add and /slots list use cases on this database vs an empty one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { monthBounds } from '../../src/domain/calendar.js';
import { messages } from '../../src/i18n/index.js';
import { buildDigest } from '../../src/slack/blocks/digest.js';
import { addSlots } from '../../src/usecases/addSlots.js';
import { digestData } from '../../src/usecases/digest.js';
import { listSlots } from '../../src/usecases/listSlots.js';
import { ms, type Row, times, verdict } from '../lib/report.js';
import { median, timed } from '../lib/stats.js';
import {
  benchConfig,
  seedPostgres,
  seedSqlite,
  supporterId,
  WORLD_MONTH,
  WORLD_MONTHS,
  WORLD_NOW,
} from '../lib/world.js';

export type DigestPlan = { supporters: number; runs: number; useCaseCalls: number };
export const digestPlan = (quick: boolean): DigestPlan => ({
  supporters: quick ? 1_000 : 10_000,
  runs: 11,
  useCaseCalls: quick ? 5 : 10,
});

const RATIO_GOAL = 1.5;
const ABSOLUTE_GOAL_MS = 250;
const OFFERED_SQL =
  "select supporter_id, count(*) as n from slots where status in ('open', 'booked') and start_at >= $1 and start_at < $2 group by supporter_id";

type Measure = { app: number; bare: number; slots: number };

/** Warm both once, then alternate app and bare `runs` times; medians. */
const compare = async (runs: number, app: () => Promise<unknown>, bare: () => Promise<unknown>) => {
  await app();
  await bare();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    a.push((await timed(app)).ms);
    b.push((await timed(bare)).ms);
  }
  return { app: median(a), bare: median(b) };
};

const digestOnce = (handle: DatabaseHandle, databaseUrl: string) => {
  const config = benchConfig(databaseUrl);
  const deps = { db: handle.db, config };
  const audience = { m: messages('ja'), locale: 'ja' as const, zone: config.timezone, now: WORLD_NOW };
  return async () => {
    const data = await digestData(deps, WORLD_MONTH, WORLD_NOW);
    const message = buildDigest(audience, data, new Map());
    if (!message.blocks.length || data.active === 0) throw new Error('digest came out empty');
    return message;
  };
};

/** ms per call of /slots add (5 entries) and /slots list through the use cases. */
const useCaseCosts = async (handle: DatabaseHandle, databaseUrl: string, calls: number) => {
  const deps = { db: handle.db, config: benchConfig(databaseUrl) };
  const add = await timed(async () => {
    for (let i = 0; i < calls; i += 1) {
      const day = 16 + (i % 10);
      const text = [9, 11, 13, 15, 17].map((h) => `2026-07-${day} ${h}:00`).join(', ');
      // A fresh user each call: no overlap with the seeded slots.
      await addSlots(deps, { userId: `UADD${i}`, text, now: WORLD_NOW });
    }
  });
  const list = await timed(async () => {
    for (let i = 0; i < calls; i += 1) {
      await listSlots(deps, { userId: supporterId(1 + i), now: WORLD_NOW, month: WORLD_MONTH });
    }
  });
  return { add: add.ms / calls, list: list.ms / calls };
};

const sqliteFigure = async (plan: DigestPlan, log: (s: string) => void) => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-digest-'));
  try {
    const file = join(dir, 'digest.sqlite');
    const url = `sqlite:${file}`;
    const handle = openDatabase(url);
    await migrateToLatest(handle.db);
    const seeded = await timed(() => seedSqlite(file, plan.supporters));
    log(`  sqlite: seeded ${seeded.value.toLocaleString('en-US')} slots in ${ms(seeded.ms)}`);
    const raw = new SQLite(file, { readonly: true });
    const { startUtc, endUtc } = monthBounds(WORLD_MONTH, benchConfig(url).timezone);
    const bareStmt = raw.prepare(OFFERED_SQL.replace('$1', '?').replace('$2', '?'));
    const m = await compare(plan.runs, digestOnce(handle, url), async () => bareStmt.all(startUtc, endUtc));
    raw.close();

    const empty = openDatabase(`sqlite:${join(dir, 'empty.sqlite')}`);
    await migrateToLatest(empty.db);
    const big = await useCaseCosts(handle, url, plan.useCaseCalls);
    const small = await useCaseCosts(empty, url, plan.useCaseCalls);
    await empty.close();
    await handle.close();
    return { ...m, slots: seeded.value, big, small };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const postgresUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL column, or why there is none. */
const postgresFigure = async (
  plan: DigestPlan,
  log: (s: string) => void,
): Promise<Measure | { skipped: string }> => {
  const base = postgresUrl();
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (err) {
    return { skipped: `PostgreSQL not reachable at ${base.replace(/\/\/[^@]*@/, '//')}: ${String(err)}` };
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  let handle: DatabaseHandle;
  try {
    handle = openDatabase(url.toString());
  } catch (err) {
    await admin.end();
    return { skipped: `src/db/database.ts: ${err instanceof Error ? err.message : String(err)}` };
  }
  let client = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.query(`create schema ${schema}`);
    await migrateToLatest(handle.db);
    await client.connect();
    const seeded = await timed(() => seedPostgres(client, plan.supporters));
    log(`  postgres: seeded ${seeded.value.toLocaleString('en-US')} slots in ${ms(seeded.ms)}`);
    // The bare query gets a session of its own, opened after the seeding like the app's pool sessions:
    // the session that seeded the table answered the same query ~20 % faster, and would flatter the
    // baseline.
    await client.end();
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { startUtc, endUtc } = monthBounds(WORLD_MONTH, benchConfig(url.toString()).timezone);
    const m = await compare(plan.runs, digestOnce(handle, url.toString()), () =>
      client.query(OFFERED_SQL, [startUtc, endUtc]),
    );
    return { ...m, slots: seeded.value };
  } finally {
    await handle.close().catch(() => undefined);
    await client.end().catch(() => undefined);
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
};

export const runDigest = async (plan: DigestPlan, log: (s: string) => void): Promise<Row[]> => {
  const scale = `${(plan.supporters / 1000).toFixed(0)}k supporters x ${WORLD_MONTHS.length} months`;
  const goal = `<= ${RATIO_GOAL}x and < ${ABSOLUTE_GOAL_MS} ms`;
  const row = (db: string, m: Measure): Row => ({
    figure: '2',
    what: `digest build, ${db} (${scale}, ${(m.slots / 1000).toFixed(0)}k slots)`,
    measured: ms(m.app),
    baseline: `${ms(m.bare)} bare GROUP BY`,
    ratio: times(m.app / m.bare),
    goal,
    verdict: verdict(m.app <= RATIO_GOAL * m.bare && m.app < ABSOLUTE_GOAL_MS),
  });
  const lite = await sqliteFigure(plan, log);
  const rows: Row[] = [row('SQLite', lite)];
  const pgm = await postgresFigure(plan, log);
  if ('skipped' in pgm) {
    log(`  postgres skipped: ${pgm.skipped}`);
    rows.push({
      figure: '2',
      what: 'digest build, PostgreSQL',
      measured: 'skipped',
      baseline: '-',
      ratio: '-',
      goal,
      verdict: 'skip',
    });
  } else rows.push(row('PostgreSQL', pgm));
  rows.push(
    {
      figure: '2',
      what: `/slots add use case (5 entries) on this SQLite db`,
      measured: `${ms(lite.big.add)}/call`,
      baseline: `${ms(lite.small.add)} empty db`,
      ratio: times(lite.big.add / lite.small.add),
      goal: '-',
      verdict: 'info',
    },
    {
      figure: '2',
      what: `/slots list use case on this SQLite db`,
      measured: `${ms(lite.big.list)}/call`,
      baseline: `${ms(lite.small.list)} empty db`,
      ratio: times(lite.big.list / lite.small.list),
      goal: '-',
      verdict: 'info',
    },
  );
  return rows;
};
