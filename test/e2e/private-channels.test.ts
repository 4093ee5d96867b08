/**
 * Private channels as advice, supporters and study channels: the manifest's groups:* scopes and the
 * message.groups event make them work as public ones do (emulator/access.ts checks the scopes per kind).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { EXTRA_CHANNELS, USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';

const PRIVATE = EXTRA_CHANNELS.privateAdvice;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-25T10:00:00+09:00',
    env: { ADVICE_CHANNEL_ID: PRIVATE, SUPPORTERS_CHANNEL_ID: PRIVATE, STUDY_CHANNEL_ID: PRIVATE },
  });
});
afterAll(async () => {
  await h?.stop();
});

const latest = async () =>
  (await h.database.db.selectFrom('consultations').selectAll().orderBy('id').execute()).at(-1)!;

describe('a private advice channel', () => {
  it('takes the consultation post, and a thread reply (message.groups) counts as an answer', async () => {
    expect(appManifest().botEvents).toContain('message.groups');
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '12/3 19:00 初回 転職の軸の相談 #人材紹介');
    const c = await latest();
    expect(r.text).toContain(`相談 #${c.id} を投稿しました`);
    expect(c.channel).toBe(PRIVATE);
    // Sent as Slack sends it from a private channel: channel_type group (https://api.slack.com/events/message.groups).
    const sent = await h.slack.threadReply(USERS.ken.id, PRIVATE, c.ts!, '案');
    expect(sent.event.channel_type).toBe('group');
    await h.settled();
    const replies = await h.database.db
      .selectFrom('thread_replies')
      .selectAll()
      .where('consultation_id', '=', c.id)
      .execute();
    expect(replies).toHaveLength(1);
  });

  it('takes study posts', async () => {
    const r = await h.slack.ask(USERS.ken.id, '/study', 'add 12/10 20:00 90 面談の型 #HR');
    expect(r.text).not.toContain(':warning:');
    expect(
      h.fake.state.channelMessages(PRIVATE).some((m) => JSON.stringify(m.blocks).includes('面談の型')),
    ).toBe(true);
  });
});

describe('a private supporters channel', () => {
  it('is the roster: quota-reminders reads its members (groups:read) and DMs them', async () => {
    const report = await runNamedJob(jobDepsFor(h), 'quota-reminders', {
      now: new Date('2026-11-30T10:00:00+09:00'),
    });
    expect(h.fake.callsTo('conversations.members').map((c) => c.args.channel)).toContain(PRIVATE);
    expect(report.failed).toBe(0);
    expect(report.sent).toBeGreaterThan(0);
    expect(h.fake.state.dmsTo(USERS.emma.id)).toHaveLength(1);
    expect(h.fake.state.dmsTo('UBOTDESK')).toEqual([]);
  });

  it('without groups:read the roster read fails with missing_scope, as Slack answers', async () => {
    h.fake.scopes = appManifest().botScopes.filter((s) => s !== 'groups:read');
    const res = await h.built.app.client.conversations
      .members({ token: h.fake.botToken, channel: PRIVATE })
      .catch((err: { data?: unknown }) => err.data);
    expect(res).toMatchObject({ ok: false, error: 'missing_scope', needed: 'groups:read' });
    expect(String((res as { provided?: string }).provided).split(',')).toContain('channels:read');
    h.fake.scopes = [...appManifest().botScopes];
  });
});
