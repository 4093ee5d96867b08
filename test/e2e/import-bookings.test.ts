/**
 * `supporter-desk import bookings FILE.csv [--dry-run]` against the app's database and the fake Slack: all
 * rows or none, an error naming the line, a dry run that stores and sends nothing, the booking DMs sent
 * once (a rerun of the same file books nothing twice and DMs nobody twice).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, startHarness, testEnv } from '../helpers/harness.js';

const NOW = '2026-11-25T10:00:00+09:00';
let h: Harness;
let env: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ now: NOW });
  env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  for (const t of ['sessions', 'slots', 'deliveries'] as const) await h.database.db.deleteFrom(t).execute();
  h.fake.reset();
  await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00 90、12/4 19:00 45');
  await h.slack.ask(USERS.ken.id, '/slots', 'add 12/3 20:00');
});

const HEADER = 'supporter,start,client_alias,plan,topic';
let n = 0;
const csvFile = (...lines: string[]) => {
  n += 1;
  const file = join(h.dir, `bookings-${n}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
};
const cli = (...args: string[]) => runCliInProcess(['import', 'bookings', ...args], env, () => new Date(NOW));
const sessions = () => h.database.db.selectFrom('sessions').selectAll().orderBy('id').execute();
const booked = async () =>
  (await h.database.db.selectFrom('slots').select('id').where('status', '=', 'booked').execute()).length;
const bookingDms = (user: string) =>
  h.fake.state.dmsTo(user).filter((m) => m.text.includes('予約が入りました'));

const GOOD = [
  HEADER,
  `${USERS.aiko.id},2026-12-03T19:00:00+09:00,Aさん,first,"転職の軸、強み ""らしさ"" を探したい"`,
  `${USERS.aiko.id},2026-12-04T19:00:00+09:00,Bさん,,`,
  `${USERS.ken.id},2026-12-03 20:00,Cさん,継続,"複数行の
相談内容"`,
];

describe('import bookings', () => {
  it('books every row in one go and DMs each supporter once; a rerun books nothing twice', async () => {
    const file = csvFile(...GOOD);
    const run = await cli(file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported 3 booking(s); booking DMs sent 3, failed 0');
    expect(
      (await sessions()).map((s) => [s.supporter_id, s.client_alias, s.plan, s.topic, s.source]),
    ).toEqual([
      [USERS.aiko.id, 'Aさん', 'first', '転職の軸、強み "らしさ" を探したい', 'import'],
      [USERS.aiko.id, 'Bさん', 'light', '', 'import'],
      [USERS.ken.id, 'Cさん', 'followup', '複数行の\n相談内容', 'import'],
    ]);
    expect(bookingDms(USERS.aiko.id)).toHaveLength(2);
    expect(bookingDms(USERS.ken.id)).toHaveLength(1);
    expect(bookingDms(USERS.ken.id)[0]!.text).toContain('• 日時: 12/3(木) 20:00–21:00');

    const again = await cli(file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('line 2:');
    expect(again.stderr).toContain('nothing imported');
    expect(await sessions()).toHaveLength(3);
    expect(bookingDms(USERS.aiko.id)).toHaveLength(2);
  });

  it('books nothing when one row fails, and names its line', async () => {
    const file = csvFile(
      HEADER,
      `${USERS.aiko.id},2026-12-03T19:00:00+09:00,Aさん,first,`,
      `${USERS.aiko.id},2026-12-04T19:00:00+09:00,Bさん,,連絡先 090-1234-5678`,
      `${USERS.ken.id},2026-12-03T20:00:00+09:00,Cさん,,`,
    );
    const run = await cli(file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('line 3: ');
    expect(run.stderr).toContain('phone number');
    expect(await sessions()).toEqual([]);
    expect(await booked()).toBe(0);
    await h.settled();
    expect(bookingDms(USERS.aiko.id)).toEqual([]);
  });

  it.each([
    [
      'a slot that does not exist',
      `${USERS.aiko.id},2026-12-05T19:00:00+09:00,,,`,
      `line 2: ${USERS.aiko.id} has no slot starting at 2026-12-05T10:00:00.000Z`,
    ],
    [
      'a start that is no date',
      `${USERS.aiko.id},next tuesday,,,`,
      'Could not read the start time "next tuesday"',
    ],
    ['an unknown plan', `${USERS.aiko.id},2026-12-03T19:00:00+09:00,,deluxe,`, '"deluxe" is not a plan'],
    [
      'too few fields',
      `${USERS.aiko.id},2026-12-03T19:00:00+09:00`,
      'it has 2 fields where the header has 5',
    ],
    [
      'the same slot twice',
      `${USERS.aiko.id},2026-12-03T19:00:00+09:00,,,\n${USERS.aiko.id},2026-12-03T19:00:00+09:00,,,`,
      'line 3: ',
    ],
  ])('refuses %s', async (_what, rows, message) => {
    const run = await cli(csvFile(HEADER, rows));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(await sessions()).toEqual([]);
    expect(await booked()).toBe(0);
  });

  it('refuses a file whose header is not the expected one', async () => {
    const run = await cli(csvFile('start,supporter', `2026-12-03T19:00:00+09:00,${USERS.aiko.id}`));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'line 1: the header (line 1) must be supporter,start,client_alias,plan,topic',
    );
  });

  it('--dry-run checks every row and stores and sends nothing', async () => {
    const file = csvFile(...GOOD);
    const dry = await cli(file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: 3 booking(s) would be imported; nothing stored or sent');
    expect(await sessions()).toEqual([]);
    expect(await booked()).toBe(0);
    await h.settled();
    expect(bookingDms(USERS.aiko.id)).toEqual([]);
    // A dry run finds the same errors a real run would.
    const bad = await cli(csvFile(HEADER, `${USERS.aiko.id},2026-12-05T19:00:00+09:00,,,`), '--dry-run');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 2: ');
  });

  it('explains its usage and refuses an unknown import or a missing file', async () => {
    expect((await runCliInProcess(['import', '--help'], env)).stdout).toContain(
      'supporter,start,client_alias,plan,topic',
    );
    expect((await runCliInProcess(['import', 'slots', 'x.csv'], env)).stderr).toContain(
      'unknown import "slots"',
    );
    const missing = await cli(join(h.dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
