/**
 * Erase on request (#20): `supporter-desk erase --consultation | --session | --supporter [--dry-run]` and
 * the operators' `/supporter erase …` remove the client's text from the database and rewrite the bot's
 * messages that carried it to a "deleted on request" notice — once, however often asked.
 */
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runCliInProcess } from '../helpers/cli.js';
import {
  botWriting,
  clientTextInDatabase,
  QUESTION,
  STORY_NOW,
  TOPIC,
  tellStory,
  updatesByMessage,
} from '../helpers/clientStory.js';
import { ADVICE_CHANNEL, OPERATOR } from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';

const s = jobSuite(STORY_NOW);
const NOTICE = 'この投稿の相談内容は、ご依頼により削除しました。';
const erase = (...args: string[]) =>
  runCliInProcess(['erase', ...args], s.env, () => new Date('2026-12-04T10:00:00+09:00'));

describe('supporter-desk erase', () => {
  it('--consultation: the text leaves the database, the post and the nudge DMs become the notice', async () => {
    const { consultation, session } = await tellStory(s);
    s.h.fake.clearCalls();
    const run = await erase('--consultation', String(consultation.id));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('erased 1 consultation(s), 0 session(s); messages rewritten 3');
    const post = s.h.fake.state.findMessage(ADVICE_CHANNEL, consultation.ts!)!;
    expect(post.text).toContain(NOTICE);
    expect(JSON.stringify(post.blocks)).not.toContain(QUESTION);
    for (const text of botWriting(s)) expect(text).not.toContain(QUESTION);
    const row = await s.h.database.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', consultation.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ topic: '', question: '[purged]' });
    // The session (alias, topic) was not asked for: it stays, and so do its booking DM and brief.
    expect(await clientTextInDatabase(s)).toEqual(['Aさん', TOPIC]);
    expect(session.client_alias).toBe('Aさん');

    const again = await erase('--consultation', String(consultation.id));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('messages rewritten 0, skipped 0, failed 0');
    expect([...updatesByMessage(s).values()]).toEqual([1, 1, 1]);
  });

  it('--session: the alias and topic, the booking DM and brief, and the consultation about it', async () => {
    const { session } = await tellStory(s);
    s.h.fake.clearCalls();
    const run = await erase('--session', String(session.id));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('erased 1 consultation(s), 1 session(s); messages rewritten 5');
    for (const text of botWriting(s)) {
      expect(text).not.toContain(QUESTION);
      expect(text).not.toContain(TOPIC);
      expect(text).not.toContain('Aさん');
    }
    expect(s.h.fake.state.dmsTo(USERS.aiko.id).map((m) => m.text)).toEqual([NOTICE, NOTICE]);
    expect(await clientTextInDatabase(s)).toEqual([]);
  });

  it('--supporter U…: everything of theirs, and nobody else’s', async () => {
    await tellStory(s);
    await s.h.slack.ask(USERS.yui.id, '/consult', '12/10 19:00 ゆいさんの別の相談 #キャリア');
    s.h.fake.clearCalls();
    const run = await erase('--supporter', USERS.aiko.id);
    expect(run.code, run.stderr).toBe(0);
    expect(await clientTextInDatabase(s)).toEqual(['ゆいさんの別の相談']);
    expect(botWriting(s).some((t) => t.includes('ゆいさんの別の相談'))).toBe(true);
    expect(s.h.fake.callsTo('chat.update')).toHaveLength(5);
  });

  it('--dry-run lists counts and which messages, without client text, and changes nothing', async () => {
    const { session, consultation } = await tellStory(s);
    const before = botWriting(s);
    const run = await erase('--session', String(session.id), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('would erase 1 consultation(s), 1 session(s) and rewrite 5 message(s)');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({
      key: `consult:${consultation.id}`,
      channel: ADVICE_CHANNEL,
      ts: consultation.ts,
    });
    expect(run.stdout + run.stderr).not.toContain(QUESTION);
    expect(run.stdout + run.stderr).not.toContain(TOPIC);
    expect(botWriting(s)).toEqual(before);
    expect(await clientTextInDatabase(s)).toEqual([QUESTION, 'Aさん', TOPIC]);
    expect(s.h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('refuses an unknown id or two targets, in one line', async () => {
    const none = await erase('--consultation', '999');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('nothing matched');
    const two = await erase('--consultation', '1', '--session', '2');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('exactly one of');
  });
});

describe('/supporter erase', () => {
  it('operators erase a consultation from Slack; others are refused and nothing changes', async () => {
    const { consultation } = await tellStory(s);
    const denied = await s.h.slack.ask(USERS.ken.id, '/supporter', `erase consultation ${consultation.id}`);
    expect(denied.text).toContain('運営メンバー');
    expect(await clientTextInDatabase(s)).toEqual([QUESTION, 'Aさん', TOPIC]);

    const planned = await s.h.slack.ask(
      OPERATOR,
      '/supporter',
      `erase consultation ${consultation.id} dry-run`,
    );
    expect(planned.text).toContain('確認のみ');
    expect(planned.text).toContain('Slack の投稿 3件');
    expect(await clientTextInDatabase(s)).toEqual([QUESTION, 'Aさん', TOPIC]);

    const done = await s.h.slack.ask(OPERATOR, '/supporter', `削除 相談 ${consultation.id}`);
    expect(done.text).toContain('削除しました: 相談 1件・予約 0件');
    expect(done.text).not.toContain(QUESTION);
    expect(s.h.fake.state.findMessage(ADVICE_CHANNEL, consultation.ts!)!.text).toContain(NOTICE);
    expect(await clientTextInDatabase(s)).toEqual(['Aさん', TOPIC]);
  });

  it('a supporter by mention, as Slack sends it (<@U…|name>), checked first with dry-run', async () => {
    await tellStory(s);
    const planned = await s.h.slack.ask(
      OPERATOR,
      '/supporter',
      `erase supporter <@${USERS.aiko.id}|aiko> dry-run`,
    );
    expect(planned.text).toContain('相談 1件・予約 1件、Slack の投稿 5件');
    const done = await s.h.slack.ask(OPERATOR, '/supporter', `erase supporter <@${USERS.aiko.id}|aiko>`);
    expect(done.text).toContain(
      '削除しました: 相談 1件・予約 1件。Slack の投稿 5件を書き換えます（完了 5件）',
    );
    expect(await clientTextInDatabase(s)).toEqual([]);
  });

  it('answers how to use it when the target is unreadable', async () => {
    const reply = await s.h.slack.ask(OPERATOR, '/supporter', 'erase something');
    expect(reply.text).toContain('/supporter erase consultation <id>');
  });
});
