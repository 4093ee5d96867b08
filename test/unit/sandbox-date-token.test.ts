/**
 * The sandbox renders `<!date^UNIX^{tokens}|fallback>` as a Slack client does
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting): in the reader's zone, relative
 * words for yesterday/today/tomorrow in the *_pretty tokens, and the fallback when a token is unknown.
 */
import { describe, expect, it } from 'vitest';
import { mrkdwn, type Names } from '../../sandbox/ui/mrkdwn.js';

const at = Date.parse('2026-12-10T10:00:00Z') / 1000; // 19:00 in Tokyo, 05:00 in New York
const names = (zone: string, lang: 'ja' | 'en', now = '2026-11-25T01:00:00Z'): Names => ({
  user: (id) => id,
  channel: (id) => id,
  dates: { zone, now: new Date(now), lang },
});
const token = (format: string) => `<!date^${at}^${format}|12/10(木) 19:00>`;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('<!date^…> in the sandbox', () => {
  it('shows the time in the reader’s zone', () => {
    expect(text(mrkdwn(token('{date_short_pretty} {time}'), names('Asia/Tokyo', 'ja')))).toBe(
      '2026年12月10日 19:00',
    );
    expect(text(mrkdwn(token('{date_short_pretty} {time}'), names('America/New_York', 'en')))).toBe(
      'Dec 10, 2026 5:00 AM',
    );
    expect(text(mrkdwn(token('{date_num}'), names('Asia/Tokyo', 'ja')))).toBe('2026-12-10');
  });

  it('says today / tomorrow in the pretty forms, relative to the reader’s day', () => {
    const dayBefore = names('Asia/Tokyo', 'ja', '2026-12-09T03:00:00Z');
    expect(text(mrkdwn(token('{date_short_pretty} {time}'), dayBefore))).toBe('明日 19:00');
    const sameDay = names('Asia/Tokyo', 'en', '2026-12-10T01:00:00Z');
    expect(text(mrkdwn(token('{date_pretty}'), sameDay))).toBe('Today');
  });

  it('shows the fallback when a token is unknown, or nothing says how to render it', () => {
    expect(text(mrkdwn(token('{no_such_token}'), names('Asia/Tokyo', 'ja')))).toBe('12/10(木) 19:00');
    expect(text(mrkdwn(token('{date}'), { user: (i) => i, channel: (i) => i }))).toBe('12/10(木) 19:00');
    expect(text(mrkdwn(`<!date^soon^{date}|later>`, names('Asia/Tokyo', 'ja')))).toBe('later');
  });
});
