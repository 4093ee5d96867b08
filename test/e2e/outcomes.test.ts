/**
 * After the session: the session-outcomes job asks once (実施した / 相談者が来なかった / キャンセルになった), a
 * click is answered by rewriting the DM, `/slots outcome` does the same for the owner only, and a no-show
 * owes no write-up (no reminder, not overdue in the digest, not on Home) while still counting as an
 * offered slot for the quota. Real app, real database, the emulator as Slack. Session: Thu 11/26 19:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { JobDeps } from '../../src/deps.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, OPERATOR_CHANNEL, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

const NOW = '2026-11-25T10:00:00+09:00';
const AFTER = '2026-11-26T20:45:00+09:00';
let h: Harness;
let deps: JobDeps;

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  deps = jobDepsFor(h);
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  h.setNow(NOW);
  h.fake.reset();
  for (const t of ['sessions', 'consultations', 'slots', 'deliveries', 'job_runs'] as const)
    await h.database.db.deleteFrom(t).execute();
});

const run = (job: 'session-outcomes' | 'writeup-reminders' | 'operator-digest', now: string) =>
  runNamedJob(deps, job, { now: new Date(now) });

/** Books 11/26 19:00 (90 min, first) for Aiko through /slots; returns the slot id. */
const bookPast = async (): Promise<number> => {
  await h.slack.ask(USERS.aiko.id, '/supporter', 'join');
  await h.slack.ask(USERS.aiko.id, '/slots', 'add 11/26 19:00 90');
  const slot = await h.database.db.selectFrom('slots').select('id').executeTakeFirstOrThrow();
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} Aさん 初回 転職の軸`);
  await h.settled();
  h.fake.reset();
  return slot.id;
};

const outcomeDms = () => h.fake.state.dmsTo(USERS.aiko.id).filter((m) => m.text.includes('どうでしたか'));
const session = () => h.database.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();

describe('session-outcomes', () => {
  it('asks once after the session has ended, with the three answers and a write-up button', async () => {
    await bookPast();
    h.setNow('2026-11-26T20:00:00+09:00');
    expect(await run('session-outcomes', '2026-11-26T20:00:00+09:00')).toMatchObject({ sent: 0 });
    expect(await run('session-outcomes', AFTER)).toMatchObject({ sent: 1, failed: 0 });
    const [dm] = outcomeDms();
    expect(dm!.text).toContain('11/26(木) 19:00–20:30 のセッション');
    expect(dm!.text).toContain('初回・Aさん');
    const blocks = JSON.stringify(dm!.blocks);
    for (const label of ['実施した', '相談者が来なかった', 'キャンセルになった', 'まとめを書く'])
      expect(blocks).toContain(label);
    // Reruns, a later run: still one.
    expect(await run('session-outcomes', AFTER)).toMatchObject({ sent: 0 });
    expect(await run('session-outcomes', '2026-11-27T09:00:00+09:00')).toMatchObject({ sent: 0 });
    expect(outcomeDms()).toHaveLength(1);
  });

  it('a click records the answer and rewrites the DM to show it; a no-show is never reminded', async () => {
    const slotId = await bookPast();
    h.setNow(AFTER);
    await run('session-outcomes', AFTER);
    const [dm] = outcomeDms();
    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: 'session_outcome_no_show', value: String(slotId) },
      { channel: dm!.channel, messageTs: dm!.ts },
    );
    await h.settled();
    const updated = h.fake.state.findMessage(dm!.channel, dm!.ts)!;
    expect(updated.text).toContain('「相談者が来なかった」と記録しました');
    expect(JSON.stringify(updated.blocks)).not.toContain('session_outcome_held');
    expect((await session()).outcome).toBe('no_show');

    // No reminder, no overdue write-up, no Home entry; the slot still counts toward the quota.
    expect(await run('writeup-reminders', '2026-11-27T22:00:00+09:00')).toMatchObject({ sent: 0 });
    h.setNow('2026-11-30T09:00:00+09:00');
    await run('operator-digest', '2026-11-30T09:00:00+09:00');
    const digest = JSON.stringify(h.fake.state.channelMessages(OPERATOR_CHANNEL).at(-1)!.blocks);
    expect(digest).toContain('期限を過ぎた強みのまとめ（0件）');
    expect(digest).toContain('2026年11月の「相談者が来なかった」セッション: 1件');
    const list = await h.slack.ask(USERS.aiko.id, '/slots', 'list 2026-11');
    expect(list.text).toContain('1枠 / 5枠');
    const pending = await h.slack.ask(USERS.aiko.id, '/writeup', '');
    expect(pending.text).toContain('送付待ちのまとめはありません');
    // Opening its write-up says why there is none, and how to correct the outcome.
    const open = await h.slack.ask(USERS.aiko.id, '/writeup', String((await session()).id));
    expect(open.text).toContain('まとめは要りません');
    expect(open.text).toContain(`/slots outcome ${slotId} 実施`);
  });

  it('an unanswered session counts as held: reminded, pending, overdue', async () => {
    await bookPast();
    await run('session-outcomes', AFTER);
    const report = await run('writeup-reminders', '2026-11-27T21:00:00+09:00');
    expect(report.sent).toBe(1);
    const reminder = h.fake.state.dmsTo(USERS.aiko.id).at(-1)!;
    expect(JSON.stringify(reminder.blocks)).toContain('writeup_open');
  });
});

describe('/slots outcome', () => {
  it('is for the slot owner only, once the session has started; a late cancellation stays an offered slot', async () => {
    const slotId = await bookPast();
    h.setNow('2026-11-26T18:00:00+09:00');
    const early = await h.slack.ask(USERS.aiko.id, '/slots', `outcome ${slotId} 実施`);
    expect(early.text).toContain('まだ始まっていません');
    h.setNow(AFTER);
    const other = await h.slack.ask(USERS.ken.id, '/slots', `outcome ${slotId} no_show`);
    expect(other.text).toContain(`#${slotId}`);
    expect((await session()).outcome).toBeNull();
    const bad = await h.slack.ask(USERS.aiko.id, '/slots', `outcome ${slotId} たぶん`);
    expect(bad.text).toContain('「たぶん」は結果として読めませんでした');

    const cancelled = await h.slack.ask(USERS.aiko.id, '/slots', `outcome ${slotId} キャンセル`);
    expect(cancelled.text).toContain('「キャンセルになった」として記録しました');
    expect((await session()).outcome).toBe('cancelled');
    // Cancelled late: no outcome DM is asked any more, no reminder; the slot stays booked (offered).
    expect(await run('session-outcomes', AFTER)).toMatchObject({ sent: 0 });
    expect(await run('writeup-reminders', '2026-11-27T22:00:00+09:00')).toMatchObject({ sent: 0 });
    const slot = await h.database.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    expect(slot.status).toBe('booked');

    const held = await h.slack.ask(USERS.aiko.id, '/slots', `outcome #${slotId} held`);
    expect(held.text).toContain('「実施した」として記録しました');
    expect(held.text).toContain(`/writeup ${(await session()).id}`);
    expect(await run('writeup-reminders', '2026-11-27T22:00:00+09:00')).toMatchObject({ sent: 1 });
  });

  it('gives a slot booked by /consult alone a session record, so it can be answered and written up', async () => {
    await h.slack.ask(USERS.aiko.id, '/consult', '11/26 19:00 ライト 面接の準備 #面接対策');
    await h.settled();
    const slot = await h.database.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    expect(await h.database.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
    h.fake.reset();
    expect(await run('session-outcomes', '2026-11-26T20:00:00+09:00')).toMatchObject({ sent: 1 });
    const s = await session();
    expect(s).toMatchObject({
      slot_id: slot.id,
      plan: 'light',
      source: 'consult',
      client_alias: '',
      topic: '',
    });
    expect(s.consultation_id).not.toBeNull();
    h.setNow('2026-11-26T20:00:00+09:00');
    const reply = await h.slack.ask(USERS.aiko.id, '/slots', `outcome ${slot.id} no_show`);
    expect(reply.text).toContain('「相談者が来なかった」として記録しました');
    await eventually(async () => (await session()).outcome === 'no_show', 3000, 'the outcome stored');
  });
});
