/**
 * `/slots cover <slot id>` (代打): asks the supporters' channel for someone to take one of your booked
 * sessions over; `/slots cover cancel <slot id>` (取消) withdraws the request (the post says so).
 */
import { DomainError } from '../../../domain/errors.js';
import { cancelCover, requestCover, sessionIdOfSlot } from '../../../usecases/cover.js';
import { coverWhen } from '../../blocks/cover.js';
import { postCoverRequest, refreshCoverPost } from '../../coverPosting.js';
import { refreshHome } from '../../home.js';
import type { CommandHandler } from './router.js';

const CANCEL_WORDS = new Set(['cancel', '取消', '取り消し', '取消し', 'キャンセル']);

export const coverCommand: CommandHandler = async (ctx) => {
  const words = ctx.args.normalize('NFKC').split(/\s+/).filter(Boolean);
  const cancel = CANCEL_WORDS.has(words[0]?.toLowerCase() ?? '');
  const raw = (cancel ? words[1] : words[0])?.replace(/^#/, '');
  if (!raw || !/^\d{1,9}$/.test(raw) || words.length > (cancel ? 2 : 1))
    throw new DomainError('slot_id_missing');
  const sessionId = await sessionIdOfSlot(ctx.deps, ctx.userId, Number(raw));
  const after = () => refreshHome(ctx.deps, ctx.client, ctx.userId);
  if (cancel) {
    const view = await cancelCover(ctx.deps, { userId: ctx.userId, sessionId, now: ctx.now });
    await refreshCoverPost(ctx.deps, ctx.client, view, ctx.now);
    return {
      text: ctx.m.sessions.coverCancelled({
        id: view.slot.id,
        when: coverWhen({ ...view, ...ctx.audience }),
      }),
      after,
    };
  }
  const view = await requestCover(ctx.deps, { userId: ctx.userId, sessionId, now: ctx.now });
  const { channel } = await postCoverRequest(ctx.deps, ctx.client, view, ctx.now);
  const when = coverWhen({ ...view, ...ctx.audience });
  return { text: ctx.m.sessions.coverRequested({ id: view.slot.id, when, channel }), after };
};
