/**
 * `supporter-desk export sessions [--month]`: one row per booked session in the contract's shape, JSON on
 * stdout only and CSV with BOM and header; `outcome` booked → held when unanswered after the end, the
 * write-up state follows it (a no-show owes none); never the topic or any write-up text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, startHarness, testEnv } from '../helpers/harness.js';

let h: Harness;
let env: Record<string, string>;
const slotIds: number[] = [];
const LATER = () => new Date('2026-11-30T12:00:00+09:00');

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
  env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
  await h.slack.ask(
    USERS.aiko.id,
    '/slots',
    'add 11/26 19:00 90, 11/27 19:00 45, 11/29 10:00, 12/3 19:00, 12/10 20:00',
  );
  const slots = await h.database.db.selectFrom('slots').select('id').orderBy('start_at').execute();
  slotIds.push(...slots.map((s) => s.id));
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slotIds[0]} Aさん 初回 秘密の相談内容`);
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slotIds[1]} Bさん`);
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slotIds[2]} Cさん 継続`);
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slotIds[3]} Dさん`);
  await h.settled();
  h.setNow('2026-11-29T12:00:00+09:00');
  await h.slack.ask(USERS.aiko.id, '/slots', `outcome ${slotIds[1]} 不参加`);
  const first = await h.database.db
    .selectFrom('sessions')
    .select('id')
    .where('slot_id', '=', slotIds[0]!)
    .executeTakeFirstOrThrow();
  await h.database.db
    .updateTable('sessions')
    .set({ writeup_draft: '{"strength_1":"秘密のまとめ本文"}', writeup_text: '秘密のまとめ本文' })
    .where('id', '=', first.id)
    .execute();
  await h.slack.ask(USERS.aiko.id, '/writeup', `done ${first.id}`);
});
afterAll(async () => {
  await h?.stop();
});

describe('export sessions', () => {
  it('prints the contract shape with outcome and write-up state, and no client text', async () => {
    const run = await runCliInProcess(['export', 'sessions'], env, LATER);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('秘密');
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => Object.keys(r))).toEqual(
      rows.map(() => [
        'id',
        'slot_id',
        'supporter',
        'start',
        'minutes',
        'plan',
        'client_alias',
        'outcome',
        'consultation_id',
        'writeup',
      ]),
    );
    expect(rows).toMatchObject([
      {
        slot_id: slotIds[0],
        supporter: USERS.aiko.id,
        start: '2026-11-26T19:00:00+09:00',
        minutes: 90,
        plan: 'first',
        client_alias: 'Aさん',
        outcome: 'held',
        consultation_id: null,
        writeup: 'done',
      },
      {
        slot_id: slotIds[1],
        start: '2026-11-27T19:00:00+09:00',
        minutes: 45,
        plan: 'light',
        client_alias: 'Bさん',
        outcome: 'no_show',
        writeup: 'none',
      },
      {
        slot_id: slotIds[2],
        minutes: 60,
        plan: 'followup',
        client_alias: 'Cさん',
        outcome: 'held',
        writeup: 'pending',
      },
      {
        slot_id: slotIds[3],
        start: '2026-12-03T19:00:00+09:00',
        client_alias: 'Dさん',
        outcome: 'booked',
        writeup: 'none',
      },
    ]);
    // The open slot (12/10) is no session.
    expect(rows).toHaveLength(4);
    // Three days after the end of 11/26, a pending write-up would be overdue; this one is done.
    const overdue = await runCliInProcess(
      ['export', 'sessions'],
      env,
      () => new Date('2026-12-03T12:00:00+09:00'),
    );
    const later = JSON.parse(overdue.stdout) as Array<Record<string, unknown>>;
    expect(later[2]).toMatchObject({ writeup: 'overdue' });
  });

  it('filters by month and writes CSV with a BOM and a header row', async () => {
    const out = join(h.dir, 'sessions.csv');
    const run = await runCliInProcess(
      ['export', 'sessions', '--month', '2026-12', '--format', 'csv', '--out', out],
      env,
      LATER,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'id,slot_id,supporter,start,minutes,plan,client_alias,outcome,consultation_id,writeup',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `,${slotIds[3]},${USERS.aiko.id},2026-12-03T19:00:00+09:00,60,followup,Dさん,booked,,none`,
    );
  });
});
