/**
 * `<!date^UNIX^TOKENS[^LINK]|FALLBACK>` as a Slack client shows it: the timestamp in the reader's zone,
 * each `{token}` replaced, so the text never goes stale
 * (https://api.slack.com/reference/surfaces/formatting#date-formatting; the token list is the one of the
 * rich-text date element, https://docs.slack.dev/reference/block-kit/block-elements/date-element).
 * When the timestamp or any token is unknown, Slack shows the fallback text instead ("should parsing,
 * formatting or displaying fail"). The docs leave the Japanese wording of each token open: the sandbox uses
 * the reader's interface language through Intl, 24-hour time in Japanese, 12-hour in English (Slack
 * follows each user's clock preference there).
 */

export type DateView = { zone: string; now: Date; lang: 'ja' | 'en' };

type Tok = (d: Date, v: DateView) => string;

const fmt = (v: DateView, d: Date, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(v.lang === 'ja' ? 'ja-JP' : 'en-US', { timeZone: v.zone, ...o }).format(d);

/** Midnight UTC of `d`'s calendar day in the reader's zone (for counting days between two times). */
const dayKey = (d: Date, v: DateView) =>
  Date.parse(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: v.zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)}T00:00:00Z`,
  );

/** The local calendar day of `d` relative to now: -1, 0, 1 or undefined. */
const dayOffset = (d: Date, v: DateView): number | undefined => {
  const diff = Math.round((dayKey(d, v) - dayKey(v.now, v)) / 86_400_000);
  return diff >= -1 && diff <= 1 ? diff : undefined;
};

const RELATIVE = {
  ja: { '-1': '昨日', '0': '今日', '1': '明日' },
  en: { '-1': 'yesterday', '0': 'today', '1': 'tomorrow' },
} as const;

const pretty =
  (base: Tok): Tok =>
  (d, v) => {
    const off = dayOffset(d, v);
    if (off === undefined) return base(d, v);
    const word = RELATIVE[v.lang][String(off) as '-1' | '0' | '1'];
    return v.lang === 'en' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  };

const dateShort: Tok = (d, v) => fmt(v, d, { year: 'numeric', month: 'short', day: 'numeric' });
const dateMid: Tok = (d, v) => fmt(v, d, { year: 'numeric', month: 'long', day: 'numeric' });
const dateLong: Tok = (d, v) =>
  fmt(v, d, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });

const TOKENS: Record<string, Tok> = {
  date_num: (d, v) => new Date(dayKey(d, v)).toISOString().slice(0, 10),
  date_slash: (d, v) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: v.zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(d),
  date: dateMid,
  date_short: dateShort,
  date_long: dateLong,
  date_long_full: dateMid,
  date_pretty: pretty(dateMid),
  date_short_pretty: pretty(dateShort),
  date_long_pretty: pretty(dateLong),
  time: (d, v) =>
    fmt(v, d, { hour: v.lang === 'ja' ? '2-digit' : 'numeric', minute: '2-digit', hour12: v.lang === 'en' }),
  time_secs: (d, v) =>
    fmt(v, d, {
      hour: v.lang === 'ja' ? '2-digit' : 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hour12: v.lang === 'en',
    }),
};

/** The text a reader sees for the inside of a `<!date^…|…>` token, or undefined when Slack shows the fallback. */
export const slackDateText = (target: string, v: DateView): string | undefined => {
  const [, unix = '', format = ''] = target.split('^');
  if (!/^-?\d+$/.test(unix) || !format) return undefined;
  const d = new Date(Number(unix) * 1000);
  let unknown = false;
  const text = format.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const tok = TOKENS[name];
    if (!tok) {
      unknown = true;
      return '';
    }
    return tok(d, v);
  });
  return unknown ? undefined : text;
};

/** The optional link (`<!date^…^{date}^https://…|…>`), when it is a web address. */
export const slackDateLink = (target: string): string | undefined => {
  const link = target.split('^')[3];
  return link && /^https?:\/\//i.test(link) ? link : undefined;
};
