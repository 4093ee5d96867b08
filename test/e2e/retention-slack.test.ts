/**
 * retention in Slack too (#20): RETENTION_DAYS after the session, the client's text leaves the database
 * and every bot message that carried it — the advice post, the nudge DMs that quoted it, the booking DM,
 * the brief — is rewritten with chat.update to a notice in its reader's language; each exactly once,
 * across reruns, a run stopped midway, a crash between an update and its record, and 429s.
 */
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import {
  AFTER_RETENTION,
  botWriting,
  clientTextInDatabase,
  QUESTION,
  STORY_NOW,
  TOPIC,
  tellStory,
  updatesByMessage,
} from '../helpers/clientStory.js';
import { ADVICE_CHANNEL } from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';

const s = jobSuite(STORY_NOW);
const NOTICE_JA = 'この投稿の相談内容は保存期間（180日）を過ぎたため削除しました';
const NOTICE_EN = 'deleted after the 180-day retention period';

describe('retention in Slack', () => {
  it('rewrites the advice post, nudge DMs, booking DM and brief to a notice, and purges the database', async () => {
    const { consultation } = await tellStory(s);
    await s.h.slack.ask(USERS.emma.id, '/supporter', 'lang en');
    // The story is out there: the post, the nudges (ken, emma), the booking DM and the brief.
    expect(botWriting(s).filter((t) => t.includes(QUESTION)).length).toBeGreaterThanOrEqual(3);
    expect(botWriting(s).filter((t) => t.includes(TOPIC)).length).toBeGreaterThanOrEqual(2);

    // 179 days after: nothing changes.
    expect((await s.run('retention', '2027-05-30T10:00:00+09:00')).sent).toBe(0);
    expect(await clientTextInDatabase(s)).not.toEqual([]);

    s.h.fake.clearCalls();
    const report = await s.run('retention', AFTER_RETENTION);
    expect(report).toMatchObject({ failed: 0 });
    expect(report.sent).toBe(5); // post, 2 nudges, booking DM, brief
    for (const text of botWriting(s)) {
      expect(text).not.toContain(QUESTION);
      expect(text).not.toContain(TOPIC);
      expect(text).not.toContain('Aさん');
    }
    const post = s.h.fake.state.findMessage(ADVICE_CHANNEL, consultation.ts!)!;
    expect(post.text).toContain(NOTICE_JA);
    expect(post.edited).toBe(true);
    expect(s.h.fake.state.dmsTo(USERS.ken.id)[0]!.text).toContain(NOTICE_JA);
    expect(s.h.fake.state.dmsTo(USERS.emma.id)[0]!.text).toContain(NOTICE_EN);
    expect(s.h.fake.state.dmsTo(USERS.aiko.id).map((m) => m.text)).toEqual([
      expect.stringContaining(NOTICE_JA),
      expect.stringContaining(NOTICE_JA),
    ]);
    expect(await clientTextInDatabase(s)).toEqual([]);
    expect([...updatesByMessage(s).values()]).toEqual([1, 1, 1, 1, 1]);

    // A rerun, the next day: nothing more to rewrite.
    const again = await s.run('retention', '2027-06-03T10:00:00+09:00');
    expect(again).toMatchObject({ sent: 0, failed: 0 });
    expect(s.h.fake.callsTo('chat.update')).toHaveLength(5);
  });

  it('a dry run lists the rewrites and changes nothing', async () => {
    await tellStory(s);
    const before = botWriting(s);
    const report = await runNamedJob(s.deps, 'retention', { now: new Date(AFTER_RETENTION), dryRun: true });
    expect(report.planned).toHaveLength(5);
    for (const p of report.planned) {
      expect(p.key).toMatch(/^rewrite:/);
      expect(p.text).not.toContain(QUESTION);
    }
    expect(botWriting(s)).toEqual(before);
    expect(await clientTextInDatabase(s)).not.toEqual([]);
  });

  it('after a run stopped midway, the rerun rewrites each remaining message once', async () => {
    await tellStory(s);
    s.h.fake.clearCalls();
    // The token is revoked on the third update: the run stops, with the text already gone from the database.
    s.h.fake.injectFault({
      method: 'chat.update',
      kind: 'error',
      error: 'token_revoked',
      when: (n) => n === 3,
    });
    await expect(s.run('retention', AFTER_RETENTION)).rejects.toThrow(/token_revoked/);
    expect(await clientTextInDatabase(s)).toEqual([]);
    // Four readers are served in parallel: those already in flight finish; the rest wait.
    const done = s.h.fake.callsTo('chat.update').length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(5);
    s.h.fake.clearFaults();

    const rerun = await s.run('retention', '2027-06-02T11:00:00+09:00');
    expect(rerun).toMatchObject({ sent: 5 - done, failed: 0 });
    expect([...updatesByMessage(s).values()]).toEqual([1, 1, 1, 1, 1]);
    for (const text of botWriting(s)) expect(text).not.toContain(QUESTION);
  });

  it('after a crash between an update and its record, the rerun sees the key in the message and skips it', async () => {
    const { consultation } = await tellStory(s);
    s.h.fake.clearCalls();
    await s.run('retention', AFTER_RETENTION);
    // As if the process died right after chat.update of the post: its row still `sending`, the erasure
    // still queued (and the run's lease long gone).
    const db = s.h.database.db;
    await db
      .updateTable('deliveries')
      .set({ status: 'sending', updated_at: '2027-06-02T00:00:00.000Z' })
      .where('key', '=', `rewrite:consult:${consultation.id}`)
      .execute();
    await db.updateTable('erasures').set({ slack_done_at: null }).execute();

    const rerun = await s.run('retention', '2027-06-02T12:00:00+09:00');
    expect(rerun).toMatchObject({ sent: 0, skipped: 5, failed: 0 });
    expect([...updatesByMessage(s).values()]).toEqual([1, 1, 1, 1, 1]);
    const row = await db
      .selectFrom('deliveries')
      .selectAll()
      .where('key', '=', `rewrite:consult:${consultation.id}`)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', channel: ADVICE_CHANNEL, ts: consultation.ts });
    expect(await db.selectFrom('erasures').where('slack_done_at', 'is', null).selectAll().execute()).toEqual(
      [],
    );
  });

  it('waits out a 429 on chat.update and rewrites every message once', async () => {
    await tellStory(s);
    s.h.fake.clearCalls();
    s.h.fake.injectFault({ method: 'chat.update', kind: 'ratelimit', retryAfterSeconds: 2, times: 1 });
    const report = await s.run('retention', AFTER_RETENTION);
    expect(report).toMatchObject({ sent: 5, failed: 0 });
    expect([...updatesByMessage(s).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('a message someone deleted is given up (message_not_found), the rest rewritten', async () => {
    const { consultation } = await tellStory(s);
    s.h.fake.state.messages = s.h.fake.state.messages.filter((m) => m.ts !== consultation.ts);
    const report = await s.run('retention', AFTER_RETENTION);
    expect(report).toMatchObject({ sent: 4, failed: 1 });
    expect(report.failures[0]).toMatchObject({ error: 'message_not_found' });
    expect((await s.run('retention', '2027-06-03T10:00:00+09:00')).failed).toBe(0);
  });
});

describe('the App Home privacy notice', () => {
  it('forgets Slack event ids claimed over a week ago (Slack stopped retrying them), keeps newer ones', async () => {
    const db = s.h.database.db;
    await db
      .insertInto('slack_events')
      .values([
        { event_id: 'EvOLD', received_at: '2026-11-20T00:00:00.000Z' },
        { event_id: 'function:FxRECENT', received_at: '2026-11-29T00:00:00.000Z' },
      ])
      .execute();
    await s.run('retention', '2026-12-01T10:00:00+09:00');
    const left = (await db.selectFrom('slack_events').select('event_id').execute()).map((r) => r.event_id);
    expect(left).not.toContain('EvOLD');
    expect(left).toContain('function:FxRECENT');
  });

  it('says what is stored, for how long (RETENTION_DAYS), who sees it and how to ask for deletion', async () => {
    await s.h.slack.event({ type: 'app_home_opened', user: USERS.aiko.id, channel: 'DAIKO', tab: 'home' });
    const ja = JSON.stringify(
      await s.h.fake.waitFor(() => s.h.fake.state.homes.get(USERS.aiko.id), 3000, 'home'),
    );
    expect(ja).toContain('相談者さんの情報について');
    expect(ja).toContain('セッションから180日で文章を削除します');
    expect(ja).toContain('見られる人');
    expect(ja).toContain('削除の依頼: 運営メンバーに伝えてください');
    await s.h.slack.ask(USERS.emma.id, '/supporter', 'lang en');
    await s.h.slack.event({ type: 'app_home_opened', user: USERS.emma.id, channel: 'DEMMA', tab: 'home' });
    const en = JSON.stringify(
      await s.h.fake.waitFor(
        () =>
          JSON.stringify(s.h.fake.state.homes.get(USERS.emma.id) ?? '').includes('About clients') &&
          s.h.fake.state.homes.get(USERS.emma.id),
        3000,
        'home',
      ),
    );
    expect(en).toContain('deleted *180 days* after the session');
  });
});
