/** /supporter through signed slash commands: roster, expertise, away, language, and operator-only settings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, OPERATOR, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});

const supporter = (id: string) =>
  h.database.db.selectFrom('supporters').selectAll().where('id', '=', id).executeTakeFirst();

describe('/supporter', () => {
  it('joins, says so once, and leaves', async () => {
    expect((await h.slack.ask(USERS.yui.id, '/supporter', 'join')).text).toContain(
      'サポーターとして登録しました',
    );
    expect((await h.slack.ask(USERS.yui.id, '/supporter', '参加')).text).toContain(
      'すでにサポーターとして登録',
    );
    expect((await supporter(USERS.yui.id))?.left_at).toBeNull();
    expect((await h.slack.ask(USERS.yui.id, '/supporter', '退会')).text).toContain('退会しました');
    expect((await supporter(USERS.yui.id))?.left_at).not.toBeNull();
    expect((await h.slack.ask(USERS.yui.id, '/supporter', 'join')).text).toContain(
      'サポーターとして登録しました',
    );
  });

  it('normalises expertise tags and their ja/en synonyms to one tag each', async () => {
    const reply = await h.slack.ask(
      USERS.ken.id,
      '/supporter',
      'expertise #HR, recruiting 転職エージェント 派遣 hr',
    );
    expect(reply.text).toContain('#人事 #採用 #人材紹介 #派遣');
    const tags = await h.database.db
      .selectFrom('supporter_expertise')
      .select('tag')
      .where('supporter_id', '=', USERS.ken.id)
      .orderBy('tag')
      .execute();
    expect(tags.map((t) => t.tag).sort()).toEqual(['人事', '人材紹介', '採用', '派遣'].sort());
    expect((await h.slack.ask(USERS.ken.id, '/supporter', '専門')).text).toContain('専門分野を1つ以上');
  });

  it('marks months away and shows them in status', async () => {
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'away 2026-12 2027年1月')).text).toContain(
      '2026年12月、2027年1月を休みにしました',
    );
    const status = await h.slack.ask(USERS.aiko.id, '/supporter', '状況');
    expect(status.text).toContain('休み: 2026年12月、2027年1月');
    expect(status.text).toContain('12月: 休み（ノルマ対象外）');
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'away 2025-01')).text).toContain(
      '「2025-01」は月として読めませんでした',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'away someday')).text).toContain('「someday」');
  });

  it('switches the reply language with lang', async () => {
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'lang en')).text).toBe('Language set to English.');
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('register and check');
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', 'lang fr')).text).toContain(
      '"fr" is not supported',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/supporter', '言語 ja')).text).toBe(
      '表示言語を日本語にしました。',
    );
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠の登録と確認');
  });

  it('answers in a language chosen through another instance from the next command on', async () => {
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠の登録と確認');
    // What `/supporter lang en` on another instance of the same database leaves behind.
    await h.database.db
      .updateTable('supporters')
      .set({ locale: 'en' })
      .where('id', '=', USERS.aiko.id)
      .execute();
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('register and check');
    await h.database.db
      .updateTable('supporters')
      .set({ locale: null })
      .where('id', '=', USERS.aiko.id)
      .execute();
    expect((await h.slack.ask(USERS.aiko.id, '/slots', 'help')).text).toContain('相談枠の登録と確認');
  });

  it('lets operators exempt a supporter and set the quota for future months', async () => {
    const exempt = await h.slack.ask(OPERATOR, '/supporter', `exempt <@${USERS.ken.id}|ken> 2026-12`);
    expect(exempt.text).toContain(`<@${USERS.ken.id}> の2026年12月のノルマを免除しました`);
    const quota = await h.slack.ask(OPERATOR, '/supporter', 'ノルマ 6');
    expect(quota.text).toContain('2026年12月以降のノルマを月6枠にしました');
    const status = await h.slack.ask(USERS.ken.id, '/supporter', 'status');
    expect(status.text).toContain('11月: 0枠 / 5枠');
    expect(status.text).toContain('12月: 免除（ノルマ対象外）');
    expect((await h.slack.ask(OPERATOR, '/supporter', 'quota 0')).text).toContain(
      '「0」はノルマとして使えません',
    );
    expect((await h.slack.ask(OPERATOR, '/supporter', 'exempt 2026-12')).text).toContain('@名前');
  });

  it('refuses operator commands to everyone else, changing nothing', async () => {
    for (const text of [`exempt <@${USERS.aiko.id}> 2026-12`, 'quota 1', 'digest']) {
      const reply = await h.slack.ask(USERS.yui.id, '/supporter', text);
      // Words, never a setting's name (#23 item 7).
      expect(reply.text, text).toContain('この操作は運営メンバーだけが使えます');
      expect(reply.text, text).not.toMatch(/[A-Z_]{4,}/);
    }
    const flags = await h.database.db
      .selectFrom('supporter_months')
      .selectAll()
      .where('supporter_id', '=', USERS.aiko.id)
      .where('exempt', '=', 1)
      .execute();
    expect(flags).toEqual([]);
  });
});

describe('the roster channel', () => {
  it('adds people who join SUPPORTERS_CHANNEL_ID (not bots) when configured', async () => {
    const r = await startHarness({ env: { SUPPORTERS_CHANNEL_ID: 'CSUPPORT' } });
    try {
      await r.slack.event({ type: 'member_joined_channel', user: USERS.yui.id, channel: 'CSUPPORT' });
      await r.slack.event({ type: 'member_joined_channel', user: 'UBOTDESK', channel: 'CSUPPORT' });
      await r.slack.event({ type: 'member_joined_channel', user: USERS.ken.id, channel: 'CGENERAL' });
      await r.fake.waitFor(() => r.fake.callsTo('users.info').length >= 2, 3000, 'users.info calls');
      await new Promise((res) => setTimeout(res, 100));
      const ids = (await r.database.db.selectFrom('supporters').select(['id', 'source']).execute()).map(
        (s) => s.id,
      );
      expect(ids).toEqual([USERS.yui.id]);
      // Her Slack locale is kept for the jobs, which write to her without asking Slack.
      const yui = await r.database.db
        .selectFrom('supporters')
        .select('slack_locale')
        .where('id', '=', USERS.yui.id)
        .executeTakeFirst();
      expect(yui?.slack_locale).toBe('ja-JP');
    } finally {
      await r.stop();
    }
  });
});
