/**
 * `/writeup` (まとめ): no text lists the caller's pending write-ups with buttons; `/writeup <session id>`
 * opens the builder; `/writeup done <id>` (送付済み) records it as sent. `/slots outcome` lives here too
 * (registered by slots.ts): `/slots outcome <slot id> held|no_show|cancelled` (実施|不参加|キャンセル).
 */
import { parseOutcomeArgs } from '../../../domain/outcomes.js';
import { recordOutcome } from '../../../usecases/outcomes.js';
import { markWriteupSent, pendingWriteupsOf } from '../../../usecases/writeupBuilder.js';
import { writeupListBlocks, writeupListText } from '../../blocks/writeupMessages.js';
import { slotWhen } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { openWriteupModal, parseSessionId } from '../writeupFlow.js';
import type { CommandHandler, CommandSpec } from './router.js';

const list: CommandHandler = async (ctx) => {
  const items = await pendingWriteupsOf(ctx.deps, ctx.userId, ctx.now);
  return { text: writeupListText(ctx.audience, items), blocks: writeupListBlocks(ctx.audience, items) };
};

const done: CommandHandler = async (ctx) => {
  const id = parseSessionId(ctx.args);
  const { changed } = await markWriteupSent(ctx.deps, { userId: ctx.userId, sessionId: id, now: ctx.now });
  return {
    text: changed ? ctx.m.writeups.markedSent({ id }) : ctx.m.writeups.alreadySent({ id }),
    after: () => refreshHome(ctx.deps, ctx.client, ctx.userId),
  };
};

export const writeupCommand: CommandSpec = {
  name: '/writeup',
  help: (m) => m.writeups.help,
  onEmpty: list,
  argsModal: {
    match: (text) => (/^#?[0-9０-９]{1,9}$/.test(text) ? text : undefined),
    open: (ctx, arg) =>
      openWriteupModal(ctx.deps, ctx.client, {
        triggerId: ctx.command.trigger_id,
        userId: ctx.userId,
        sessionId: parseSessionId(arg),
        now: ctx.now,
      }),
  },
  subcommands: {
    list: { aliases: ['一覧', 'ls'], handler: list },
    done: { aliases: ['送付済み', '送付済', '送った', 'sent'], handler: done },
  },
};

/** `/slots outcome <slot id> held|no_show|cancelled`: owner only, once the session has started. */
export const outcomeHandler: CommandHandler = async (ctx) => {
  const { slotId, outcome } = parseOutcomeArgs(ctx.args);
  const { session } = await recordOutcome(ctx.deps, { userId: ctx.userId, slotId, outcome, now: ctx.now });
  return {
    text: ctx.m.writeups.outcomeRecorded({
      id: slotId,
      when: slotWhen(ctx.audience, session),
      outcome,
      session: session.id,
    }),
    after: () => refreshHome(ctx.deps, ctx.client, ctx.userId),
  };
};
