/**
 * Faults: Slack answering 500s, timeouts and `ratelimited` on the methods the app uses, and the database
 * locked by another writer. The user gets a clear message where one is due; nothing is half-stored.
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled(); // nothing of the previous test still at work
  h.fake.reset();
});

const count = async (table: 'slots' | 'consultations') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Slack failing on the way in', () => {
  it('answers in the default language when users.info fails', async () => {
    h.fake.injectFault({ method: 'users.info', kind: 'http', status: 500 });
    const reply = await h.slack.ask(USERS.emma.id, '/slots', 'help');
    expect(reply.text).toContain('相談枠の登録と確認');
  });

  it('still stores and confirms /slots add when the Home tab cannot be published', async () => {
    h.fake.injectFault({ method: 'views.publish', kind: 'error', error: 'ratelimited' });
    const before = await count('slots');
    const reply = await h.slack.ask(USERS.ken.id, '/slots', 'add 12/21 19:00');
    expect(reply.text).toContain('1枠を追加しました');
    expect(await count('slots')).toBe(before + 1);
  });

  it('tells the user when the modal cannot be opened', async () => {
    h.fake.injectFault({ method: 'views.open', kind: 'http', status: 500 });
    const sent = await h.slack.command(USERS.ken.id, '/slots', '');
    expect(sent.status).toBe(200);
    const answer = await h.fake.waitFor(
      () => h.fake.state.ephemerals.find((e) => e.user === USERS.ken.id),
      8000,
      'an error reply',
    );
    expect(answer.text).toContain('エラーが起きました');
  });
});

describe('Slack failing when the app posts', () => {
  it.each([
    ['a 500 on every try', { kind: 'http', status: 500 } as const],
    ['ratelimited', { kind: 'error', error: 'ratelimited' } as const],
    ['a slow answer past the timeout', { kind: 'hang' } as const],
  ])(
    '/consult with %s: a clear error, nothing stored, nothing posted',
    async (_name, fault) => {
      const before = { consultations: await count('consultations'), slots: await count('slots') };
      h.fake.injectFault({ method: 'chat.postMessage', ...fault });
      const reply = await h.slack.ask(
        USERS.aiko.id,
        '/consult',
        '12/22 19:00 面接が苦手な方への練習法 #面接対策',
        {
          timeoutMs: 20_000,
        },
      );
      expect(reply.text).toContain('エラーが起きました');
      expect(await count('consultations')).toBe(before.consultations);
      expect(await count('slots')).toBe(before.slots);
      expect(h.fake.state.channelMessages(ADVICE_CHANNEL)).toEqual([]);
    },
    40_000,
  );

  it('posts the consultation even when its permalink cannot be fetched, pointing at the channel', async () => {
    h.fake.injectFault({ method: 'chat.getPermalink', kind: 'http', status: 500 });
    const reply = await h.slack.ask(USERS.aiko.id, '/consult', '12/23 19:00 ブランク明けの方の自己PR #人事');
    expect(reply.text).toContain(`<#${ADVICE_CHANNEL}>`);
    expect(h.fake.state.channelMessages(ADVICE_CHANNEL)).toHaveLength(1);
  });
});

describe.skipIf(process.env.TEST_DB === 'postgres')('the SQLite file locked by another writer', () => {
  it('waits for the lock and succeeds instead of failing', async () => {
    const other = new SQLite(h.database.file!);
    other.pragma('busy_timeout = 5000');
    other.exec('BEGIN IMMEDIATE');
    const before = await count('slots');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('COMMIT');
        other.close();
        resolve();
      }, 1000),
    );
    const reply = await h.slack.ask(USERS.yui.id, '/slots', 'add 12/24 19:00');
    await released;
    expect(reply.text).toContain('1枠を追加しました');
    expect(await count('slots')).toBe(before + 1);
  });
});
