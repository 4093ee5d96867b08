/** `/slots`: add, list, remove, book, unbook, cover (and Japanese aliases); no text opens the modal. */
import { monthOf, parseMonth } from '../../../domain/calendar.js';
import { DomainError } from '../../../domain/errors.js';
import { parseBookArgs } from '../../../domain/sessions.js';
import { addSlots } from '../../../usecases/addSlots.js';
import { changeSlots, parseSlotIds, type SlotChange } from '../../../usecases/changeSlots.js';
import { listSlots } from '../../../usecases/listSlots.js';
import { bookSession } from '../../../usecases/sessions.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { buildSlotsModal } from '../../blocks/slotsModal.js';
import { sendBookingDms } from '../../bookingPosting.js';
import { busyNotes } from '../../format/busy.js';
import { addedReply, listReply, slotWhen } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { coverCommand } from './cover.js';
import type { CommandContext, CommandHandler, CommandModal, CommandSpec } from './router.js';
import { outcomeHandler } from './writeup.js';

const refresh = (ctx: CommandContext) => () => refreshHome(ctx.deps, ctx.client, ctx.userId);

const add: CommandHandler = async (ctx) => {
  if (!ctx.args) throw new DomainError('slot_empty');
  const result = await addSlots(ctx.deps, { userId: ctx.userId, text: ctx.args, now: ctx.now });
  // The router acked already: the busy check (cached, or at most the 5 s fetch timeout) may wait.
  const notes = busyNotes(ctx.audience, await result.busyCheck());
  return { text: addedReply(ctx.audience, result, notes), after: refresh(ctx) };
};

const list: CommandHandler = async (ctx) => {
  let month: string | undefined;
  if (ctx.args) {
    month = parseMonth(ctx.args);
    if (!month) throw new DomainError('month_invalid', { value: ctx.args });
  }
  const result = await listSlots(ctx.deps, {
    userId: ctx.userId,
    now: ctx.now,
    ...(month ? { month } : {}),
  });
  return { text: listReply(ctx.audience, result) };
};

const change =
  (kind: Exclude<SlotChange, 'book'>): CommandHandler =>
  async (ctx) => {
    const ids = parseSlotIds(ctx.args);
    if (kind === 'unbook' && ids.length > 1) throw new DomainError('slot_id_missing');
    const slots = await changeSlots(ctx.deps, {
      userId: ctx.userId,
      ids,
      change: kind,
      now: ctx.now,
    });
    const first = slots[0]!;
    const when = slotWhen(ctx.audience, first);
    const text =
      kind === 'remove'
        ? ctx.m.slots.removed({ ids: ids.map((id) => `#${id}`).join(', ') })
        : ctx.m.slots.unbooked({ id: first.id, when });
    return { text, after: refresh(ctx) };
  };

/**
 * `/slots book <id> [alias] [plan] [topic…]`: the session is recorded with the booking; the reply says so
 * at once, and the booking DM (with the ask-peers button) follows through the delivery.
 */
const book: CommandHandler = async (ctx) => {
  const { slotId, alias, plan, topic } = parseBookArgs(ctx.args);
  const booked = await bookSession(
    ctx.deps,
    { target: { slotId }, alias, plan, topic, source: 'command', actor: ctx.userId },
    ctx.now,
  );
  const text = ctx.m.sessions.booked({
    id: slotId,
    when: slotWhen(ctx.audience, booked.slot),
    plan: booked.session.plan,
    alias: escapeMrkdwn(booked.session.client_alias),
  });
  return {
    text,
    after: async () => {
      await sendBookingDms(ctx.deps, [booked], ctx.now, ctx.locale);
      await refresh(ctx)();
    },
  };
};

/** `/slots` with no text: the modal, for the current month. */
const modal: CommandModal = {
  build: (ctx, m) => {
    const month = monthOf(ctx.now, ctx.deps.config.timezone);
    return buildSlotsModal(m, month, month, { channel: ctx.command.channel_id });
  },
};

export const slotsCommand: CommandSpec = {
  name: '/slots',
  help: (m) => m.help.slots,
  modal,
  subcommands: {
    add: { aliases: ['追加'], handler: add },
    list: { aliases: ['一覧', 'ls'], handler: list },
    remove: { aliases: ['削除', 'rm', 'delete'], handler: change('remove') },
    book: { aliases: ['予約'], handler: book },
    unbook: { aliases: ['予約取消', '予約取り消し'], handler: change('unbook') },
    outcome: { aliases: ['結果'], handler: outcomeHandler },
    cover: { aliases: ['代打'], handler: coverCommand },
  },
};
