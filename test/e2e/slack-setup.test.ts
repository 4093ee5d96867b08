/**
 * A workspace set up wrong, as real Slack answers it (emulator/access.ts): the bot not invited, a private
 * channel it cannot see, an archived channel, a missing scope. Each command answers what to do, in the
 * user's language, and stores nothing; job summaries name the channel and the fix; doctor finds it all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { EXTRA_CHANNELS, USERS } from '../../emulator/workspace.js';
import { deliverAll } from '../../src/delivery/deliver.js';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, OPERATOR, startHarness, testEnv } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-25T10:00:00+09:00',
    env: {
      // The bot was never invited to #general; #old-advice is archived; the private one is invisible.
      ADVICE_CHANNEL_ID: 'CGENERAL',
      STUDY_CHANNEL_ID: EXTRA_CHANNELS.archived,
      OPERATOR_CHANNEL_ID: EXTRA_CHANNELS.privateHidden,
    },
  });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.fake.scopes = [...appManifest().botScopes];
});

const count = async (table: 'consultations' | 'study_sessions' | 'slots') =>
  (await h.database.db.selectFrom(table).selectAll().execute()).length;

describe('commands that post to a channel', () => {
  it('/consult where the bot is not a member: says to invite it there, stores nothing', async () => {
    const [consultations, slots] = [await count('consultations'), await count('slots')];
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '12/3 19:00 初回 転職の軸の相談 #人材紹介');
    expect(r.text).toContain('ボットが <#CGENERAL> に参加していない');
    expect(r.text).toContain('`/invite @supporter-desk`');
    expect(r.text).not.toContain('もう一度お試しください。少し待って');
    expect(await count('consultations')).toBe(consultations);
    expect(await count('slots')).toBe(slots);
    expect(h.fake.state.channelMessages('CGENERAL')).toEqual([]);
    const en = await h.slack.ask(USERS.emma.id, '/consult', '12/4 19:00 first How to dig into values?');
    expect(en.text).toContain("I'm not in <#CGENERAL>. Run `/invite @supporter-desk` in that channel");
  });

  it('/study add to an archived channel: says to unarchive it or set another, stores nothing', async () => {
    const before = await count('study_sessions');
    const r = await h.slack.ask(USERS.ken.id, '/study', 'add 12/10 20:00 90 面談の型 #HR');
    expect(r.text).toContain(`<#${EXTRA_CHANNELS.archived}> はアーカイブされている`);
    expect(await count('study_sessions')).toBe(before);
  });

  it('/supporter digest to a private channel the bot is not in: says to invite it', async () => {
    const r = await h.slack.ask(OPERATOR, '/supporter', 'digest');
    expect(r.text).toContain(`投稿先のチャンネル（${EXTRA_CHANNELS.privateHidden}）がボットから見えません`);
    expect(r.text).toContain('`/invite @supporter-desk`');
  });

  it('a missing scope: the reply names the scope to add (FakeSlack grants what the test says)', async () => {
    h.fake.scopes = appManifest().botScopes.filter((s) => s !== 'chat:write');
    const before = await count('consultations');
    const r = await h.slack.ask(USERS.aiko.id, '/consult', '12/5 19:00 初回 強みの棚卸し #HR');
    expect(r.text).toContain('アプリに権限 `chat:write` がない');
    expect(r.text).toContain('再インストール');
    expect(await count('consultations')).toBe(before);
    const call = h.fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!;
    expect(call.ok).toBe(false);
  });
});

describe('job summaries', () => {
  it('operator-digest to a channel the bot is not in: the CLI names the channel and the fix', async () => {
    const env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''), {
      OPERATOR_CHANNEL_ID: 'CGENERAL',
    });
    const run = await runCliInProcess(['job', 'operator-digest', '--now', '2026-11-25T10:00:00+09:00'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '→ CGENERAL: not_in_channel — invite the bot: /invite @supporter-desk in <#CGENERAL>',
    );
  });

  it('a missing scope skips that item, is reported with the scope, and the run goes on', async () => {
    h.fake.scopes = appManifest().botScopes.filter((s) => s !== 'groups:history');
    const deps = jobDepsFor(h);
    // The thread bump goes to a private channel whose history the delivery must read first (a row left
    // pending by an earlier, interrupted run); the DMs need no such read.
    await deliverAll(deps, [{ key: 'setup:probe', recipient: EXTRA_CHANNELS.privateAdvice, text: 'x' }], {
      job: 'advice-nudges',
      now: h.now(),
    });
    await h.database.db
      .updateTable('deliveries')
      .set({ status: 'pending' })
      .where('key', '=', 'setup:probe')
      .execute();
    const report = await deliverAll(
      deps,
      [
        { key: 'setup:probe', recipient: EXTRA_CHANNELS.privateAdvice, text: 'x' },
        { key: 'setup:dm', recipient: USERS.ken.id, text: 'hello' },
      ],
      { job: 'advice-nudges', now: h.now() },
    );
    expect(report.sent).toBe(1);
    expect(report.failures).toEqual([
      {
        key: 'setup:probe',
        recipient: EXTRA_CHANNELS.privateAdvice,
        error: 'missing_scope (needed groups:history)',
      },
    ]);
    const row = await h.database.db
      .selectFrom('deliveries')
      .selectAll()
      .where('key', '=', 'setup:probe')
      .executeTakeFirst();
    expect(row?.status).toBe('pending');
  });
});

describe('rate_limited (the spec enums spell it with an underscore)', () => {
  it('is retried like ratelimited, and the message goes out once', async () => {
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'rate_limited', times: 1 });
    const report = await deliverAll(jobDepsFor(h), [{ key: 'rl:ken', recipient: USERS.ken.id, text: 'hi' }], {
      job: 'advice-nudges',
      now: h.now(),
    });
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(h.fake.state.dmsTo(USERS.ken.id).filter((m) => m.text === 'hi')).toHaveLength(1);
  });
});

describe('supporter-desk doctor', () => {
  const doctor = (extra: Record<string, string>) =>
    runCliInProcess(['doctor'], testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''), extra));

  it('passes when every scope is granted and the bot is in every configured channel', async () => {
    const run = await doctor({ SUPPORTERS_CHANNEL_ID: EXTRA_CHANNELS.privateAdvice });
    expect(run.stderr).toContain('✓ scopes: the bot has every scope it needs');
    expect(run.stderr).toContain('✓ ADVICE_CHANNEL_ID: the bot is a member of #advice');
    expect(run.stderr).toContain('✓ SUPPORTERS_CHANNEL_ID: the bot is a member of #advice-private (private)');
    expect(run.code).toBe(0);
  });

  it('names each missing scope with its feature and each channel the bot must be invited to', async () => {
    h.fake.scopes = appManifest().botScopes.filter((s) => s !== 'groups:read' && s !== 'groups:history');
    const run = await doctor({
      ADVICE_CHANNEL_ID: 'CGENERAL',
      SUPPORTERS_CHANNEL_ID: EXTRA_CHANNELS.privateHidden,
      STUDY_CHANNEL_ID: EXTRA_CHANNELS.archived,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/✗ scopes: missing groups:history \(thread replies in a private advice/);
    expect(run.stderr).toContain('groups:read (the roster from a private supporters channel');
    expect(run.stderr).toContain(
      '✗ ADVICE_CHANNEL_ID: invite the bot to #general: /invite @supporter-desk in #general',
    );
    expect(run.stderr).toContain(`✗ SUPPORTERS_CHANNEL_ID: cannot check ${EXTRA_CHANNELS.privateHidden}`);
    expect(run.stderr).toContain('✗ STUDY_CHANNEL_ID: #old-advice is archived');
    h.fake.scopes = [...appManifest().botScopes];
    const again = await doctor({ SUPPORTERS_CHANNEL_ID: EXTRA_CHANNELS.privateHidden });
    expect(again.stderr).toContain(
      `✗ SUPPORTERS_CHANNEL_ID: ${EXTRA_CHANNELS.privateHidden} not found: if it is a private channel, invite the bot`,
    );
  });
});
