/**
 * Property-based fuzzing of every slash command's text through the real HTTP path (signed requests, the
 * real app, the fake Slack, a real SQLite file): never a 5xx, always an answer, and the database unchanged
 * whenever the answer is an error. Seeded and reproducible; FUZZ_RUNS raises the count locally.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { Database } from '../../src/db/schema.js';
import { type Harness, startHarness } from '../helpers/harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = 20261125;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});

/**
 * A cheap fingerprint of everything a command can change: row counts of every table plus the columns
 * that updates touch (slot status and write-ups, roster membership and language, month flags, quota,
 * consultation status), each aggregated in SQL so the check stays fast as the database grows.
 */
const fingerprint = async (): Promise<string> => {
  const db = h.database.db;
  const count = (t: keyof Database) =>
    db
      .selectFrom(t as 'slots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
  const parts = await Promise.all([
    ...(
      [
        'supporters',
        'supporter_expertise',
        'supporter_months',
        'quota_settings',
        'slots',
        'consultations',
        'consultation_tags',
        'thread_replies',
      ] as const
    ).map(count),
    db
      .selectFrom('slots')
      .select([
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.count('writeup_done_at').as('w'),
      ])
      .groupBy('status')
      .orderBy('status')
      .execute(),
    db
      .selectFrom('supporters')
      .select([
        (eb) => eb.fn.count('left_at').as('left'),
        (eb) => eb.fn.count('locale').as('loc'),
        (eb) => eb.fn.max('locale').as('l'),
      ])
      .execute(),
    db
      .selectFrom('supporter_months')
      .select([(eb) => eb.fn.sum('away').as('a'), (eb) => eb.fn.sum('exempt').as('e')])
      .execute(),
    db
      .selectFrom('quota_settings')
      .select([(eb) => eb.fn.sum('quota').as('q')])
      .execute(),
    db
      .selectFrom('consultations')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute(),
  ]);
  return JSON.stringify(parts);
};

const piece = fc.oneof(
  fc.constantFrom(
    '12/3',
    '2026-12-03',
    '12月3日',
    '3日',
    '１２／３',
    '19:00',
    '19時',
    '7pm',
    '19:00-20:30',
    '19:00〜20:30',
    '90',
    '45分',
    '初回',
    'light',
    '毎週火曜',
    'every tue',
    '平日',
    '(水)',
    '#HR',
    '#人材紹介',
    '＃派遣',
    '2026-12',
    '<@UKEN>',
    '<@UAIKO|aiko>',
    'taro@example.com',
    '090-1234-5678',
    '〒150-0001',
    'https://x.com/someone',
    '、',
    ',',
    '\n',
    '#1',
    '0',
    '-1',
    '99999999999',
    'ja',
    'en',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -5, max: 400 }).map(String),
);

const words = (subs: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...subs), fc.array(piece, { maxLength: 7 }))
    .map(([sub, rest]) => [sub, ...rest].join(' '))
    .filter((t) => t.trim() !== '');

const COMMANDS: Array<[string, readonly string[]]> = [
  [
    '/slots',
    ['add', '追加', 'list', '一覧', 'remove', '削除', 'book', '予約', 'unbook', '予約取消', 'help', 'x'],
  ],
  [
    '/consult',
    ['12/3', '12/20 19:00', '2026-12-05 10:00 first', 'done', '完了', 'writeup', 'レポート済', 'help'],
  ],
  [
    '/supporter',
    [
      'join',
      'leave',
      'expertise',
      '専門',
      'away',
      '休み',
      'status',
      'lang',
      'exempt',
      'quota',
      'digest',
      'help',
      '?',
    ],
  ],
  ['/study', ['add', 'list', 'cancel', 'help', '勉強会']],
];

const USER_IDS = [USERS.aiko.id, USERS.ken.id, USERS.emma.id, 'UOPS'];

// The command path is the same on both databases; fuzz once (on SQLite) to keep the suite fast.
describe.skipIf(process.env.TEST_DB === 'postgres').each(COMMANDS)(
  '%s with arbitrary text',
  (command, subs) => {
    it(`answers every one of ${RUNS} inputs, never with a 5xx, and stores nothing on an error`, async () => {
      await fc.assert(
        fc.asyncProperty(words(subs), fc.constantFrom(...USER_IDS), async (text, user) => {
          const before = await fingerprint();
          const reply = await h.slack.ask(user, command, text.slice(0, 3500));
          expect(reply.text.length).toBeGreaterThan(0);
          if (reply.text.startsWith(':warning:')) expect(await fingerprint()).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // 1,000 round trips through HTTP, the database and (for /consult) the name analyser: ~15 s on a
      // quiet 2-core machine, more on a busy one. A generous limit; the property, not the time, is the test.
    }, 120_000);
  },
);

describe('oversized input', () => {
  it('refuses a command text over the limit with a message naming it, storing nothing', async () => {
    const before = await fingerprint();
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `add ${'12/3 19:00、'.repeat(500)}`);
    expect(reply.text).toContain('長すぎます');
    expect(await fingerprint()).toBe(before);
  });
});
