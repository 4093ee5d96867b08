/**
 * User text the bot repeats is escaped for mrkdwn (https://api.slack.com/reference/surfaces/formatting#escaping):
 * `<!channel>` or `<https://evil|x>` typed into /consult, the consult modal, a study title or a tag never
 * becomes a broadcast or a link in what Slack receives, and the sandbox renders it as the literal text.
 * Slash command text arrives as Slack sends it (already escaped), modal values raw; both show once-escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { mrkdwn } from '../../sandbox/ui/mrkdwn.js';
import { ADVICE_CHANNEL, type Harness, SUPPORTERS_CHANNEL, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00', env: { STUDY_CHANNEL_ID: SUPPORTERS_CHANNEL } });
});
afterAll(async () => {
  await h?.stop();
});

const names = { user: (id: string) => id, channel: (id: string) => id };
/** Every mrkdwn text Slack was given for a message: its `text` and each text object in its blocks. */
const mrkdwnTexts = (m: { text: string; blocks?: unknown[] }): string[] => {
  const found = [m.text];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') found.push(o.text);
    for (const child of Array.isArray(v) ? v : Object.values(o)) walk(child);
  };
  walk(m.blocks);
  return found;
};
const rendered = (m: { text: string; blocks?: unknown[] }) =>
  mrkdwnTexts(m)
    .map((t) => mrkdwn(t, names))
    .join('\n');
const latestAdvicePost = () => h.fake.state.channelMessages(ADVICE_CHANNEL).at(-1)!;

/** No broadcast, no mention and no link made of user text, in Slack's input or the sandbox's rendering. */
const expectInert = (m: { text: string; blocks?: unknown[] }) => {
  const all = mrkdwnTexts(m).join('\n');
  expect(all).not.toContain('<!channel>');
  expect(all).not.toContain('<https://evil');
  const html = rendered(m);
  expect(html).not.toContain('mention broadcast');
  expect(html).not.toContain('href="https://evil');
};

describe('a consultation', () => {
  it('from /consult (text as Slack sends it) shows <!channel>, a spoofed link and & literally, once', async () => {
    // What Slack sends when someone types `<!channel> <https://evil|x> a & b #R&D`.
    const typed = '&lt;!channel&gt; 見て &lt;https://evil|x&gt; a &amp; b の進め方は？ #R&amp;D';
    const r = await h.slack.ask(USERS.aiko.id, '/consult', `12/3 19:00 初回 ${typed}`);
    expect(r.text).toContain('を投稿しました');
    const post = latestAdvicePost();
    const all = mrkdwnTexts(post).join('\n');
    expect(all).toContain('&lt;!channel&gt; 見て &lt;https://evil|x&gt; a &amp; b');
    expect(all).not.toContain('&amp;amp;');
    expect(all).toContain('#R&amp;D');
    expectInert(post);
    // The sandbox shows what the user typed.
    expect(rendered(post)).toContain('&lt;!channel&gt; 見て &lt;https://evil|x&gt; a &amp; b');
  });

  it('from the modal (raw values) is escaped the same way', async () => {
    const res = await h.slack.viewSubmission(
      USERS.emma.id,
      { callbackId: 'consult_modal' },
      {
        session_date: { value: { type: 'datepicker', selected_date: '2026-12-11' } },
        session_time: { value: { type: 'timepicker', selected_time: '20:00' } },
        plan: { value: { type: 'static_select', selected_option: { value: 'light' } } },
        topic: { value: { type: 'plain_text_input', value: 'Theme <@UKEN> & <!here>' } },
        question: { value: { type: 'plain_text_input', value: '<!channel> see <https://evil|this>' } },
        extra_tags: { value: { type: 'plain_text_input', value: 'R&D' } },
      },
    );
    expect(res.status).toBe(200);
    const post = await h.fake.waitFor(
      () => h.fake.state.channelMessages(ADVICE_CHANNEL).find((m) => m.text.includes('see')),
      3000,
      'the advice post',
    );
    const all = mrkdwnTexts(post).join('\n');
    expect(all).toContain('&lt;!channel&gt; see &lt;https://evil|this&gt;');
    expect(all).toContain('Theme &lt;@UKEN&gt; &amp; &lt;!here&gt;');
    expect(all).not.toContain('<@UKEN>');
    expectInert(post);
  });

  it('still mentions the asker: the bot’s own mentions and links stay live', () => {
    const html = rendered(latestAdvicePost());
    expect(html).toContain('<span class="mention">@UEMMA</span>');
  });
});

describe('a study session', () => {
  it('announces a title with a spoofed link as text, in the post and in the reply', async () => {
    const reply = await h.slack.ask(
      USERS.aiko.id,
      '/study',
      'add 12/10 20:00 90 &lt;https://evil|無料特典&gt; 採用の話 #採用',
    );
    expect(reply.text).toContain('&lt;https://evil|無料特典&gt;');
    expect(reply.text).not.toContain('<https://evil');
    const post = h.fake.state.messages.filter((m) => m.text.includes('無料特典')).at(-1)!;
    expect(mrkdwnTexts(post).join('\n')).toContain('&lt;https://evil|無料特典&gt; 採用の話');
    expectInert(post);
    expect(rendered(post)).toContain('&lt;https://evil|無料特典&gt;');
  });
});

describe('the sandbox renderer', () => {
  it('renders real special mentions and links as Slack does, and their escaped forms as text', () => {
    expect(mrkdwn('<!channel> <!here> <!everyone>', names)).toBe(
      '<span class="mention broadcast">@channel</span> <span class="mention broadcast">@here</span> ' +
        '<span class="mention broadcast">@everyone</span>',
    );
    expect(mrkdwn('<!subteam^S1|@advisers>', names)).toBe('<span class="mention">@advisers</span>');
    expect(mrkdwn('<https://example.com|site>', names)).toContain('<a href="https://example.com"');
    expect(mrkdwn('&lt;!channel&gt; &lt;https://evil|x&gt; a &amp; b', names)).toBe(
      '&lt;!channel&gt; &lt;https://evil|x&gt; a &amp; b',
    );
  });
});
