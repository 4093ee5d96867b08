/**
 * study-reminders against the real database and the fake Slack: the day-before and hour-before DMs to
 * everyone with a seat, the follow-up in the post's thread after the session, cancellation notices that
 * failed at cancel time — each exactly once across reruns. Sessions and RSVPs are made through the app.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { StudySession } from '../../src/db/schema.js';
import type { JobDeps } from '../../src/deps.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, OPERATOR, SUPPORTERS_CHANNEL, startHarness } from '../helpers/harness.js';
import { jobDepsFor, postsByKey } from '../helpers/jobWorld.js';
import { addStudySession, clickRsvp } from '../helpers/study.js';

const STUDY = SUPPORTERS_CHANNEL;
const NOW = '2026-11-25T10:00:00+09:00';
let h: Harness;
let deps: JobDeps;

beforeAll(async () => {
  h = await startHarness({ now: NOW, env: { STUDY_CHANNEL_ID: STUDY } });
  deps = jobDepsFor(h);
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled(); // nothing of the previous test still at work
  h.setNow(NOW);
  h.fake.reset();
  for (const t of ['deliveries', 'job_runs', 'study_rsvps', 'study_sessions'] as const) {
    await h.database.db.deleteFrom(t).execute();
  }
});

const run = (now: string, extra: { dryRun?: boolean } = {}) =>
  runNamedJob(deps, 'study-reminders', { now: new Date(now), ...extra });

const add = (user: string, text: string) => addStudySession(h, user, text);
const click = (user: string, s: StudySession, answer: 'going' | 'not_going' | 'maybe') =>
  clickRsvp(h, user, s, answer);

const waitUntil = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('study-reminders', () => {
  it('DMs everyone with a seat a day before and an hour before, once each across reruns', async () => {
    // Thu 11/26 20:00–21:30 JST, 2 seats: ken and emma hold them, ops waits, yui maybe.
    const s = await add(USERS.aiko.id, '11/26 20:00 90 採用市場の最新動向 #採用 定員2');
    await click(USERS.ken.id, s, 'going');
    await click(USERS.emma.id, s, 'going');
    await click(OPERATOR, s, 'going');
    await click(USERS.yui.id, s, 'maybe');
    h.fake.clearCalls();

    // More than 24 h before: nothing yet.
    expect(await run('2026-11-25T19:59:00+09:00')).toMatchObject({ sent: 0, skipped: 0 });

    // Within 24 h: the day-before reminder to the two seated people only.
    const day = await run('2026-11-25T20:15:00+09:00');
    expect(day).toMatchObject({ sent: 2, failed: 0 });
    const ken = h.fake.state.dmsTo(USERS.ken.id).at(-1)!;
    expect(ken.text).toContain(
      '勉強会のリマインド（前日）: *採用市場の最新動向*（11/26(木) 20:00–21:30、ホスト <@UAIKO>）',
    );
    expect(ken.text).toContain(`https://supporters.slack.test/archives/${STUDY}/p`);
    // Jobs write in the language people chose (`/supporter lang`), else the default (ja).
    expect(h.fake.state.dmsTo(USERS.emma.id).at(-1)!.text).toContain('勉強会のリマインド（前日）');
    expect(h.fake.state.dmsTo(OPERATOR)).toEqual([]);
    expect(h.fake.state.dmsTo(USERS.yui.id)).toEqual([]);

    // Reruns the same occurrence or later in the day send nothing new.
    expect(await run('2026-11-25T20:15:00+09:00')).toMatchObject({ sent: 0, skipped: 2 });
    expect(await run('2026-11-26T12:00:00+09:00')).toMatchObject({ sent: 0, skipped: 2 });

    // emma switches away; ops moves up and (joining late) gets only the reminder of the window he is in.
    h.setNow('2026-11-26T18:30:00+09:00');
    await click(USERS.emma.id, s, 'not_going');
    await h.fake.waitFor(
      () => h.fake.state.dmsTo(OPERATOR).find((m) => m.text.includes('繰り上がりました')),
      5000,
      'the move-up DM',
    );

    // Within the hour: the hour-before reminder to ken and ops.
    const hour = await run('2026-11-26T19:15:00+09:00');
    expect(hour).toMatchObject({ sent: 2, failed: 0 });
    expect(h.fake.state.dmsTo(USERS.ken.id).at(-1)!.text).toContain('まもなく勉強会が始まります');
    expect(h.fake.state.dmsTo(OPERATOR).at(-1)!.text).toContain('まもなく勉強会が始まります');
    expect(await run('2026-11-26T19:30:00+09:00')).toMatchObject({ sent: 0, skipped: 2 });
    // Once it has started nothing more goes to the participants.
    expect(await run('2026-11-26T20:10:00+09:00')).toMatchObject({ sent: 0 });

    const counts = postsByKey(h.fake);
    expect(Object.fromEntries([...counts].filter(([k]) => /:(day|hour)$/.test(k)))).toEqual({
      [`study:${s.id}:${USERS.ken.id}:day`]: 1,
      [`study:${s.id}:${USERS.emma.id}:day`]: 1,
      [`study:${s.id}:${USERS.ken.id}:hour`]: 1,
      [`study:${s.id}:${OPERATOR}:hour`]: 1,
    });
    expect(h.fake.state.dmsTo(USERS.yui.id)).toEqual([]);
  });

  it('asks the host for the notes in the post’s thread once the session is over, once', async () => {
    const s = await add(USERS.ken.id, '11/25 19:00 60 面接対策の勉強会');
    const planned = await run('2026-11-25T20:30:00+09:00', { dryRun: true });
    expect(planned.planned.map((p) => p.key)).toEqual([`study:${s.id}:followup`]);
    expect(await run('2026-11-25T20:30:00+09:00')).toMatchObject({ sent: 1 });
    const thread = h.fake.state.threadMessages(STUDY, s.ts!).filter((m) => m.ts !== s.ts);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.text).toContain(`<@${USERS.ken.id}> 勉強会「面接対策の勉強会」お疲れさまでした！`);
    expect(thread[0]!.text).toContain('資料やメモのリンク');
    expect(await run('2026-11-25T21:00:00+09:00')).toMatchObject({ sent: 0, skipped: 1 });
    expect(await run('2026-11-28T09:00:00+09:00')).toMatchObject({ sent: 0 });
    expect(postsByKey(h.fake).get(`study:${s.id}:followup`)).toBe(1);
    // A week later it is no longer asked (and nothing else is sent).
    expect(await run('2026-12-05T09:00:00+09:00')).toMatchObject({ sent: 0, skipped: 0 });
  });

  it('sends cancellation notices that failed at cancel time, and never twice', async () => {
    const s = await add(USERS.aiko.id, '12/3 20:00 キャリア理論の読書会');
    await click(USERS.ken.id, s, 'going');
    await click(USERS.yui.id, s, 'going');
    // Slack fails every DM of the cancellation (transiently): the rows stay pending.
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'internal_error', times: 8 });
    const reply = await h.slack.ask(USERS.aiko.id, '/study', `cancel ${s.id}`);
    expect(reply.text).toContain('中止にしました');
    await waitUntil(async () => {
      const rows = await h.database.db
        .selectFrom('deliveries')
        .selectAll()
        .where('key', 'like', `study:${s.id}:%:cancelled`)
        .execute();
      return rows.length === 2 && rows.every((r) => r.status === 'pending' && r.attempts >= 1);
    }, 15_000);
    h.fake.clearFaults();
    expect(h.fake.state.dmsTo(USERS.ken.id)).toEqual([]);
    const report = await run('2026-11-25T10:15:00+09:00');
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(h.fake.state.dmsTo(USERS.ken.id).at(-1)!.text).toContain('は中止になりました');
    expect(h.fake.state.dmsTo(USERS.yui.id)).toHaveLength(1);
    expect(await run('2026-11-25T10:30:00+09:00')).toMatchObject({ sent: 0, skipped: 2 });
    // Cancelled sessions get no reminders.
    expect(await run('2026-12-03T19:30:00+09:00')).toMatchObject({ sent: 0 });
    expect(postsByKey(h.fake).get(`study:${s.id}:${USERS.ken.id}:cancelled`)).toBe(1);
  });

  it('is deterministic for a given now: a dry run plans exactly what the run then sends', async () => {
    const s = await add(USERS.aiko.id, '11/26 09:00 朝活勉強会');
    await click(USERS.ken.id, s, 'going');
    await click(USERS.emma.id, s, 'going');
    const at = '2026-11-25T12:00:00+09:00';
    const first = await run(at, { dryRun: true });
    const second = await run(at, { dryRun: true });
    expect(first.planned).toEqual(second.planned);
    expect(first.planned.map((p) => p.key).sort()).toEqual(
      [`study:${s.id}:${USERS.emma.id}:day`, `study:${s.id}:${USERS.ken.id}:day`].sort(),
    );
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.metadata)).toEqual([]);
    expect(await run(at)).toMatchObject({ sent: 2 });
  });
});
