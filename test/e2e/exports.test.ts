/** `supporter-desk export`: the CONTRACT.md shapes, JSON on stdout only, CSV with BOM and header. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, startHarness, testEnv } from '../helpers/harness.js';

let h: Harness;
let env: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
  env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
  await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00 90, 12/10 20:00');
  await h.slack.ask(USERS.aiko.id, '/supporter', 'expertise 人事 採用');
  await h.slack.ask(USERS.ken.id, '/slots', 'add 11/27 10:00, 12/4 10:00');
  const ken = await h.database.db
    .selectFrom('slots')
    .select('id')
    .where('supporter_id', '=', USERS.ken.id)
    .execute();
  await h.slack.ask(USERS.ken.id, '/slots', `remove ${ken[1]!.id}`);
  await h.slack.ask('UOPS', '/supporter', `exempt <@${USERS.ken.id}> 2026-12`);
});
afterAll(async () => {
  await h?.stop();
});

describe('export slots', () => {
  it('prints a bare JSON array with zone offsets; removed slots are not listed', async () => {
    const run = await runCliInProcess(['export', 'slots'], env);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        supporter: USERS.ken.id,
        start: '2026-11-27T10:00:00+09:00',
        minutes: 60,
        status: 'open',
      },
      {
        id: expect.any(Number),
        supporter: USERS.aiko.id,
        start: '2026-12-03T19:00:00+09:00',
        minutes: 90,
        status: 'open',
      },
      {
        id: expect.any(Number),
        supporter: USERS.aiko.id,
        start: '2026-12-10T20:00:00+09:00',
        minutes: 60,
        status: 'open',
      },
    ]);
  });

  it('filters by month and writes CSV with a BOM and a header row', async () => {
    const out = join(h.dir, 'slots.csv');
    const run = await runCliInProcess(
      ['export', 'slots', '--month', '2026-12', '--format', 'csv', '--out', out],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFid,supporter,start,minutes,status\n')).toBe(true);
    expect(csv.trim().split('\n')).toHaveLength(3);
  });
});

describe('export supporters', () => {
  it('gives each supporter’s month, slots, quota, expertise and exemption', async () => {
    const run = await runCliInProcess(['export', 'supporters', '--month', '2026-12'], env);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows).toContainEqual({
      id: USERS.aiko.id,
      expertise: ['人事', '採用'],
      month: '2026-12',
      slots: 2,
      quota: 5,
      exempt: false,
    });
    expect(rows).toContainEqual({
      id: USERS.ken.id,
      expertise: [],
      month: '2026-12',
      slots: 0,
      quota: 5,
      exempt: true,
    });
  });
});
