/**
 * Slack mrkdwn → safe HTML, as Slack renders it (https://api.slack.com/reference/surfaces/formatting):
 * `<@U…>` mentions as @name, `<#C…>` channels, `<!channel>` / `<!here>` / `<!everyone>` as @channel etc.,
 * `<!subteam^S…|@team>` as the group, `<url|label>` links, *bold*, _italic_, ~strike~, `code`,
 * ```blocks```, > quotes, :emoji: and line breaks. Only a real `<` opens one of these: the entity-escaped
 * `&lt;!channel&gt;` or `&lt;https://x|y&gt;` shows as that literal text, which is how a bot quotes user
 * text safely (formatting#escaping). Everything else is HTML-escaped.
 */
import { escapeHtml } from './dom.js';
import { type DateView, slackDateLink, slackDateText } from './slackDate.js';

/** `dates`: the reader's zone, clock and language for `<!date^…>` tokens (without it, their fallback). */
export type Names = { user: (id: string) => string; channel: (id: string) => string; dates?: DateView };

const EMOJI: Record<string, string> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  clock3: '🕒',
  alarm_clock: '⏰',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  bell: '🔔',
  memo: '📝',
  pencil: '✏️',
  pencil2: '✏️',
  speech_balloon: '💬',
  raising_hand: '🙋',
  wave: '👋',
  tada: '🎉',
  sparkles: '✨',
  pray: '🙏',
  bulb: '💡',
  eyes: '👀',
  bar_chart: '📊',
  chart_with_upwards_trend: '📈',
  clipboard: '📋',
  inbox_tray: '📥',
  mailbox: '📫',
  page_facing_up: '📄',
  busts_in_silhouette: '👥',
  bust_in_silhouette: '👤',
  handshake: '🤝',
  star: '⭐',
  seedling: '🌱',
  information_source: 'ℹ️',
  question: '❓',
  exclamation: '❗',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  arrow_right: '➡️',
  link: '🔗',
  rotating_light: '🚨',
  thumbsup: '👍',
  '+1': '👍',
  muscle: '💪',
  books: '📚',
  briefcase: '💼',
  no_entry: '⛔',
  zzz: '💤',
};

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Special mentions that notify a whole channel (formatting#special-mentions). */
const BROADCASTS = new Set(['channel', 'here', 'everyone']);

/** `<!date^UNIX^{tokens}[^link]|fallback>` in the reader's zone; the fallback when Slack could not. */
const dateToken = (target: string, label: string | undefined, names: Names): string => {
  const text = names.dates ? slackDateText(target.slice(1), names.dates) : undefined;
  if (text === undefined) return escapeHtml(decode(label ?? ''));
  const link = slackDateLink(target.slice(1));
  const inner = `<time data-slack-date="${escapeHtml(target.split('^')[1] ?? '')}">${escapeHtml(text)}</time>`;
  return link
    ? `<a href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer">${inner}</a>`
    : inner;
};

const special = (inner: string, names: Names): string => {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) {
    return `<span class="mention">@${escapeHtml(label ?? names.user(target.slice(1)))}</span>`;
  }
  if (target.startsWith('#')) {
    return `<span class="mention">#${escapeHtml(label ?? names.channel(target.slice(1)))}</span>`;
  }
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0] ?? '';
    if (word === 'date') return dateToken(target, label, names);
    // A user group's label carries its own "@" (`<!subteam^S123|@team>`); a broadcast's is the word.
    const name = (label ?? word).replace(/^@/, '');
    const kind = BROADCASTS.has(word) ? 'mention broadcast' : 'mention';
    return `<span class="${kind}">@${escapeHtml(name)}</span>`;
  }
  if (/^(https?:|mailto:)/i.test(target)) {
    const href = escapeHtml(decode(target));
    return `<a href="${href}" target="_blank" rel="noopener noreferrer">${escapeHtml(decode(label ?? target))}</a>`;
  }
  return escapeHtml(decode(`<${inner}>`));
};

const P = '\u0000';
const B = `(^|[\\s(（「『【、。,.:;!?！？・]|${P})`;
const E = `(?=$|[\\s)）」』】、。,.:;!?！？・]|${P})`;

export const mrkdwn = (text: string, names: Names): string => {
  const saved: string[] = [];
  const keep = (html: string) => `${P}${saved.push(html) - 1}${P}`;
  let s = text
    .replace(/```([\s\S]*?)```/g, (_, code: string) =>
      keep(`<pre>${escapeHtml(decode(code.replace(/^\n/, '')))}</pre>`),
    )
    .replace(/`([^`\n]+)`/g, (_, code: string) => keep(`<code>${escapeHtml(decode(code))}</code>`))
    .replace(/<([^<>\n]+)>/g, (_, inner: string) => keep(special(inner, names)));
  s = escapeHtml(decode(s))
    .replace(/\*(?=\S)([^*\n]*?\S)\*/g, '<b>$1</b>')
    .replace(new RegExp(`${B}_(?=\\S)([^_\\n]*?\\S)_${E}`, 'g'), '$1<i>$2</i>')
    .replace(new RegExp(`${B}~(?=\\S)([^~\\n]*?\\S)~${E}`, 'g'), '$1<s>$2</s>')
    .replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m)
    .replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>')
    .replace(/<\/blockquote>\n<blockquote>/g, '<br>')
    .replace(/\n/g, '<br>');
  return s.replace(new RegExp(`${P}(\\d+)${P}`, 'g'), (_, i: string) => saved[Number(i)] ?? '');
};

/** Plain text objects only get escaping, line breaks and emoji. */
export const plainHtml = (text: string, emoji = true): string => {
  const escaped = escapeHtml(text).replace(/\n/g, '<br>');
  return emoji ? escaped.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m) : escaped;
};

export const textHtml = (t: unknown, names: Names): string => {
  if (!t || typeof t !== 'object') return '';
  const o = t as { type?: string; text?: unknown; emoji?: boolean };
  const text = typeof o.text === 'string' ? o.text : '';
  return o.type === 'mrkdwn' ? mrkdwn(text, names) : plainHtml(text, o.emoji !== false);
};
