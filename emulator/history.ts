/**
 * conversations.history and conversations.replies, paginated as Slack documents them:
 * - https://api.slack.com/methods/conversations.history: newest first; `limit` default 100 ("Fewer than
 *   the requested number of items may be returned"); `oldest`/`latest` bound the range and are exclusive
 *   unless `inclusive` (spec web-api/slack_web_openapi_v2.json, parameter `inclusive`); `has_more`, and
 *   `response_metadata.next_cursor` when there is a next page.
 * - https://api.slack.com/methods/conversations.replies: oldest first, parent first; `limit` default 1000.
 * - https://api.slack.com/docs/pagination: "To begin pagination, specify a limit value under 1000";
 *   cursors are opaque strings (Slack's look like base64 of `next_ts:…`); an empty next_cursor ends it.
 *   Bigger limits are cut to 999 here (the docs say only "under 1000").
 * The docs are silent on whether every page of conversations.replies starts with the parent; reports of
 * real Slack differ. The emulator repeats the parent on every page (the case a reader must not count
 * twice); readers in the app must cope with either.
 */
import type { FakeMessage, FakeState } from './state.js';

export type Page = { messages: FakeMessage[]; hasMore: boolean; nextCursor: string };

export const MAX_LIMIT = 999;

const limitOf = (value: unknown, fallback: number): number => {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_LIMIT) : fallback;
};

const encodeCursor = (offset: number): string => Buffer.from(`next_ts:${offset}`).toString('base64');

/** The offset a cursor stands for; undefined for none, NaN for one Slack did not hand out. */
const decodeCursor = (cursor: unknown): number | undefined => {
  if (typeof cursor !== 'string' || cursor === '') return undefined;
  const m = /^next_ts:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : Number.NaN;
};

/** oldest/latest as documented: exclusive unless `inclusive` is true. */
const inRange = (args: Record<string, unknown>) => {
  const inclusive = args.inclusive === true || args.inclusive === 'true';
  const oldest = args.oldest !== undefined && args.oldest !== '' ? Number(args.oldest) : undefined;
  const latest = args.latest !== undefined && args.latest !== '' ? Number(args.latest) : undefined;
  return (m: FakeMessage) => {
    const ts = Number(m.ts);
    if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
    if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
    return true;
  };
};

const slice = (all: FakeMessage[], args: Record<string, unknown>, fallbackLimit: number) => {
  const offset = decodeCursor(args.cursor);
  if (Number.isNaN(offset)) return 'invalid_cursor' as const;
  const start = offset ?? 0;
  const limit = limitOf(args.limit, fallbackLimit);
  const messages = all.slice(start, start + limit);
  const hasMore = start + limit < all.length;
  return { messages, hasMore, nextCursor: hasMore ? encodeCursor(start + limit) : '' };
};

export const historyPage = (
  state: FakeState,
  channel: string,
  args: Record<string, unknown>,
): Page | 'invalid_cursor' => {
  const all = state.channelMessages(channel).filter(inRange(args)).reverse();
  return slice(all, args, 100);
};

export const repliesPage = (
  state: FakeState,
  channel: string,
  threadTs: string,
  args: Record<string, unknown>,
): Page | 'invalid_cursor' => {
  const [parent, ...replies] = state.threadMessages(channel, threadTs);
  const page = slice(replies.filter(inRange(args)), args, 1000);
  if (page === 'invalid_cursor' || !parent) return page;
  return { ...page, messages: [parent, ...page.messages] };
};
