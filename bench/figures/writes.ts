/**
 * Figure 4: slot inserts through the app's path — addSlots(deps, { userId, text, now }) with 5 entries a
 * call (parse, one write transaction: ensure supporter, overlap check, insert … returning, standing) —
 * against better-sqlite3's raw prepared INSERT on the same schema and pragmas, committed the same way
 * (one transaction per 5 rows). Rows per second each; report-only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { DateTime } from 'luxon';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { toUtcIso } from '../../src/domain/calendar.js';
import { addSlots } from '../../src/usecases/addSlots.js';
import { perSec, type Row, times } from '../lib/report.js';
import { timed } from '../lib/stats.js';
import { benchConfig } from '../lib/world.js';

export type WritesPlan = { calls: number; users: number };
export const writesPlan = (quick: boolean): WritesPlan => ({ calls: quick ? 400 : 2_000, users: 200 });

const PER_CALL = 5;
const HOURS = [9, 11, 13, 15, 17];

/** Call `i`'s five entries: its user's next free day, five 60-minute slots apart. */
const entries = (plan: WritesPlan, now: Date, i: number) => {
  const day = DateTime.fromJSDate(now, { zone: 'Asia/Tokyo' })
    .startOf('day')
    .plus({ days: 1 + Math.floor(i / plan.users) });
  return HOURS.map((h) => day.set({ hour: h }));
};

const userOf = (plan: WritesPlan, i: number) => `UW${String(i % plan.users).padStart(4, '0')}`;

const fresh = async (dir: string, name: string) => {
  const file = join(dir, `${name}.sqlite`);
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  return { file, handle, url: `sqlite:${file}` };
};

const throughAddSlots = async (plan: WritesPlan, dir: string, now: Date, name = 'app') => {
  const { handle, url } = await fresh(dir, name);
  const deps = { db: handle.db, config: benchConfig(url) };
  const run = await timed(async () => {
    for (let i = 0; i < plan.calls; i += 1) {
      const text = entries(plan, now, i)
        .map((d) => d.toFormat('yyyy-MM-dd HH:mm'))
        .join(', ');
      const { added } = await addSlots(deps, { userId: userOf(plan, i), text, now });
      if (added.length !== PER_CALL) throw new Error(`addSlots stored ${added.length} of ${PER_CALL}`);
    }
  });
  await handle.close();
  return (plan.calls * PER_CALL) / (run.ms / 1000);
};

const raw = async (plan: WritesPlan, dir: string, now: Date) => {
  const { handle, file } = await fresh(dir, 'raw');
  await handle.close();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const nowIso = toUtcIso(now);
  const supporter = db.prepare(
    "insert into supporters (id, source, joined_at) values (?, 'slots', ?) on conflict (id) do nothing",
  );
  for (let u = 0; u < plan.users; u += 1) supporter.run(userOf(plan, u), nowIso);
  const insert = db.prepare(
    "insert into slots (supporter_id, start_at, end_at, minutes, status, writeup_done_at, created_at, updated_at) values (?, ?, ?, 60, 'open', null, ?, ?)",
  );
  const call = db.transaction((user: string, starts: string[], ends: string[]) => {
    for (let k = 0; k < starts.length; k += 1) insert.run(user, starts[k], ends[k], nowIso, nowIso);
  });
  // Instants are prepared outside the timing: this is the database's rate, not luxon's.
  const work = Array.from({ length: plan.calls }, (_, i) => {
    const days = entries(plan, now, i);
    return {
      user: userOf(plan, i),
      starts: days.map((d) => toUtcIso(d)),
      ends: days.map((d) => toUtcIso(d.plus({ minutes: 60 }))),
    };
  });
  const run = await timed(() => {
    for (const w of work) call(w.user, w.starts, w.ends);
  });
  db.close();
  return (plan.calls * PER_CALL) / (run.ms / 1000);
};

export const runWrites = async (plan: WritesPlan, log: (s: string) => void): Promise<Row[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-writes-'));
  try {
    const now = new Date();
    // Warm-up on a throwaway database (JIT, parser tables), not measured.
    await throughAddSlots({ ...plan, calls: 50 }, dir, now, 'warmup');
    const app = await throughAddSlots(plan, dir, now);
    const bare = await raw(plan, dir, now);
    log(`  addSlots ${perSec(app)} rows, raw ${perSec(bare)} rows`);
    return [
      {
        figure: '4',
        what: `slot inserts via addSlots (${plan.calls.toLocaleString('en-US')} calls x ${PER_CALL}, 1 tx/call)`,
        measured: `${perSec(app)} rows`,
        baseline: `${perSec(bare)} raw prepared`,
        ratio: times(app / bare),
        goal: 'report only',
        verdict: 'info',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
