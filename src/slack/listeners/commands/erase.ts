/**
 * `/supporter erase consultation <id> | session <id> | supporter @user [dry-run]` (operators only): the same
 * erasure as `supporter-desk erase` — the text leaves the database, the bot's messages are rewritten to a
 * "deleted on request" notice, the erasure is logged with the operator as its actor. The reply gives
 * counts only, never the erased text.
 */
import type { EraseTarget } from '../../../usecases/erasure.js';
import { assertOperator } from '../../../usecases/roster.js';
import { eraseOnRequest } from '../../erasurePosting.js';
import type { CommandHandler } from './router.js';

const DRY_RUN = /(?:^|\s)(?:dry-run|--dry-run|確認)(?=\s|$)/u;
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|(?:^|\s)@?([UW][A-Z0-9]{2,})(?=\s|$)/u;

/** `consultation 12`, `相談 12`, `session 3`, `予約 3`, `supporter <@U…>`; undefined when unreadable. */
export const parseEraseArgs = (args: string): EraseTarget | undefined => {
  const text = args.replace(DRY_RUN, ' ').normalize('NFKC').trim();
  const [kind = '', rest = ''] = text.split(/\s+(.*)/su);
  const id = /^#?(\d{1,9})$/.exec(rest.trim())?.[1];
  if (/^(consultation|相談)$/i.test(kind) && id) return { consultation: Number(id) };
  if (/^(session|予約|セッション)$/i.test(kind) && id) return { session: Number(id) };
  const user = MENTION.exec(` ${rest}`);
  if (/^(supporter|サポーター)$/i.test(kind) && user) return { supporter: (user[1] ?? user[2])! };
  return undefined;
};

export const erase: CommandHandler = async (ctx) => {
  assertOperator(ctx.deps, ctx.userId);
  const m = ctx.m.privacy;
  const target = parseEraseArgs(ctx.args);
  if (!target) return { text: m.eraseUsage({}) };
  const dryRun = DRY_RUN.test(ctx.args);
  const { targets, messages, report } = await eraseOnRequest(ctx.deps, target, {
    actor: ctx.userId,
    now: ctx.now,
    dryRun,
  });
  if (!targets.consultations.length && !targets.sessions.length) return { text: m.eraseNothing({}) };
  const counts = {
    consultations: targets.consultations.length,
    sessions: targets.sessions.length,
    messages: dryRun ? report.planned.length : messages.length,
  };
  return { text: dryRun ? m.erasePlanned(counts) : m.eraseDone({ ...counts, rewritten: report.sent }) };
};
