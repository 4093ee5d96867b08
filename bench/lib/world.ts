/**
 * A deterministic community for the database figures: N supporters, 12 months of slots (3–7 a month each,
 * 5 on average), month flags, open consultations with and without replies. The same rows go to SQLite
 * (one transaction of prepared inserts, better-sqlite3 directly) or PostgreSQL (unnest batches, pg).
 */
import SQLite from 'better-sqlite3';
import type { Client } from 'pg';
import { loadConfig } from '../../src/config.js';

export const WORLD_MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
/** Mid-July 2026, 12:00 JST: half the year behind (booked, written up or overdue), half ahead. */
export const WORLD_NOW = new Date('2026-07-15T03:00:00.000Z');
export const WORLD_MONTH = '2026-07';

export const supporterId = (i: number): string => `U${String(i).padStart(6, '0')}`;

/** A config for use cases run straight against a database (no Slack involved). */
export const benchConfig = (databaseUrl: string) =>
  loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    ADVICE_CHANNEL_ID: 'CADVICE',
    OPERATOR_CHANNEL_ID: 'COPS',
    DATABASE_URL: databaseUrl,
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });

type Sink = {
  supporter: (r: [string, string | null, string, string | null]) => void;
  month: (r: [string, string, number, number, number | null]) => void;
  slot: (r: [string, string, string, number, string, string | null, string]) => void;
  consultation: (r: [string, string, string, string, string, string]) => void;
  reply: (r: [number, string, string, string]) => void;
};

/** Cheap deterministic hash → [0, 1). */
const rand = (...xs: number[]): number => {
  let h = 2166136261;
  for (const x of xs) {
    h ^= x;
    h = Math.imul(h, 16777619);
    h ^= h >>> 13;
  }
  return ((h >>> 0) % 100_000) / 100_000;
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Emits every row; returns how many slots it made. */
const generate = (supporters: number, sink: Sink): number => {
  const nowMs = WORLD_NOW.getTime();
  const joined = '2025-10-01T00:00:00.000Z';
  let slots = 0;
  for (let s = 1; s <= supporters; s += 1) {
    const id = supporterId(s);
    const left = rand(s, 1) < 0.01 ? '2026-03-01T00:00:00.000Z' : null;
    sink.supporter([id, rand(s, 2) < 0.1 ? 'en' : null, joined, left]);
    const flag = rand(s, 3);
    if (flag < 0.05) {
      sink.month([
        id,
        WORLD_MONTH,
        flag < 0.03 ? 1 : 0,
        flag >= 0.03 && flag < 0.04 ? 1 : 0,
        flag >= 0.04 ? 3 : null,
      ]);
    }
  }
  // Month by month, as a community fills its calendar (slots for a month are added around that month), so
  // one month's rows sit together in the table as they would in a real database.
  WORLD_MONTHS.forEach((month, m) => {
    const [y, mo] = month.split('-').map(Number) as [number, number];
    for (let s = 1; s <= supporters; s += 1) {
      const id = supporterId(s);
      const count = 3 + Math.floor(rand(s, m, 4) * 5);
      for (let i = 0; i < count; i += 1) {
        const day = 1 + ((s * 13 + m * 7 + i * 5) % 28);
        const hourJst = 9 + ((s + i * 3) % 12);
        const start = Date.UTC(y, mo - 1, day, hourJst - 9);
        const minutes = [45, 60, 90][(s + i) % 3]!;
        const end = start + minutes * 60_000;
        const r = rand(s, m, i, 5);
        const past = end < nowMs;
        const status = past
          ? r < 0.4
            ? 'booked'
            : r < 0.5
              ? 'cancelled'
              : 'open'
          : r < 0.1
            ? 'booked'
            : r < 0.15
              ? 'cancelled'
              : 'open';
        const writeup = status === 'booked' && past && r > 0.01 ? iso(end + 86_400_000) : null;
        sink.slot([id, iso(start), iso(end), minutes, status, writeup, joined]);
        slots += 1;
      }
    }
  });
  // Open consultations ahead of now; 60 % already have a reply in their thread.
  const consultations = Math.min(300, supporters);
  for (let c = 1; c <= consultations; c += 1) {
    const start = iso(nowMs + c * 3_600_000);
    sink.consultation([
      supporterId(c),
      start,
      'CADVICE',
      `1784000000.${String(c).padStart(6, '0')}`,
      'open',
      iso(nowMs),
    ]);
    if (rand(c, 6) < 0.6)
      sink.reply([c, `1784000100.${String(c).padStart(6, '0')}`, supporterId(c + 1), iso(nowMs)]);
  }
  return slots;
};

/** Fills a migrated SQLite file in one transaction of prepared inserts. Returns the number of slots. */
export const seedSqlite = (file: string, supporters: number): number => {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  try {
    const ins = {
      supporter: db.prepare(
        "insert into supporters (id, display_name, locale, source, joined_at, left_at) values (?, null, ?, 'channel', ?, ?)",
      ),
      month: db.prepare(
        'insert into supporter_months (supporter_id, month, away, exempt, quota_override) values (?, ?, ?, ?, ?)',
      ),
      slot: db.prepare(
        'insert into slots (supporter_id, start_at, end_at, minutes, status, writeup_done_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      consultation: db.prepare(
        "insert into consultations (supporter_id, session_start, plan, topic, question, channel, ts, status, created_at) values (?, ?, 'first', 'topic', 'question', ?, ?, ?, ?)",
      ),
      reply: db.prepare(
        'insert into thread_replies (consultation_id, message_ts, user_id, replied_at) values (?, ?, ?, ?)',
      ),
    };
    return db.transaction(() =>
      generate(supporters, {
        supporter: (r) => ins.supporter.run(r),
        month: (r) => ins.month.run(r),
        slot: (r) => ins.slot.run([...r, r[6]]),
        consultation: (r) => ins.consultation.run(r),
        reply: (r) => ins.reply.run(r),
      }),
    )();
  } finally {
    db.close();
  }
};

/** Fills a migrated PostgreSQL schema (the client's search_path) in batches of unnest inserts. */
export const seedPostgres = async (client: Client, supporters: number): Promise<number> => {
  const rows = {
    supporter: [] as unknown[][],
    month: [] as unknown[][],
    slot: [] as unknown[][],
    consultation: [] as unknown[][],
    reply: [] as unknown[][],
  };
  const slots = generate(supporters, {
    supporter: (r) => rows.supporter.push(r),
    month: (r) => rows.month.push(r),
    slot: (r) => rows.slot.push(r),
    consultation: (r) => rows.consultation.push(r),
    reply: (r) => rows.reply.push(r),
  });
  const insert = async (sql: string, types: string[], data: unknown[][]) => {
    for (let i = 0; i < data.length; i += 50_000) {
      const chunk = data.slice(i, i + 50_000);
      const columns = types.map((_, c) => chunk.map((r) => r[c]));
      const params = types.map((t, c) => `$${c + 1}::${t}[]`).join(', ');
      await client.query(sql.replace('$UNNEST', `select * from unnest(${params})`), columns);
    }
  };
  await client.query('begin');
  await insert(
    "insert into supporters (id, locale, joined_at, left_at, source) select *, 'channel' from ($UNNEST) u",
    ['text', 'text', 'text', 'text'],
    rows.supporter,
  );
  await insert(
    'insert into supporter_months (supporter_id, month, away, exempt, quota_override) $UNNEST',
    ['text', 'text', 'int', 'int', 'int'],
    rows.month,
  );
  await insert(
    'insert into slots (supporter_id, start_at, end_at, minutes, status, writeup_done_at, created_at, updated_at) select *, u.c from ($UNNEST) u(a, b, d, e, f, g, c)',
    ['text', 'text', 'text', 'int', 'text', 'text', 'text'],
    rows.slot,
  );
  await insert(
    "insert into consultations (supporter_id, session_start, channel, ts, status, created_at, plan, topic, question) select *, 'first', 'topic', 'question' from ($UNNEST) u",
    ['text', 'text', 'text', 'text', 'text', 'text'],
    rows.consultation,
  );
  await insert(
    'insert into thread_replies (consultation_id, message_ts, user_id, replied_at) $UNNEST',
    ['int', 'text', 'text', 'text'],
    rows.reply,
  );
  await client.query('commit');
  await client.query('analyze');
  return slots;
};
