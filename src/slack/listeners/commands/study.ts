/** `/study` (勉強会): add, list, cancel, remove (and Japanese aliases); no text opens the modal. */
import { DomainError } from '../../../domain/errors.js';
import { parseStudyAdd, parseStudyId } from '../../../domain/study.js';
import { cancelStudy, upcomingStudyFor } from '../../../usecases/study.js';
import { removeFromStudy } from '../../../usecases/studyRsvp.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { buildStudyModal } from '../../blocks/studyModal.js';
import { studyWhen } from '../../blocks/studyPost.js';
import { refreshHome } from '../../home.js';
import {
  cancellationMessages,
  promotionMessages,
  publishStudy,
  refreshStudyPost,
  removalMessage,
  sendStudyDms,
  studyChannel,
} from '../../studyPosting.js';
import type { CommandContext, CommandHandler, CommandModal, CommandSpec } from './router.js';

export const MAX_LISTED = 20;

const refresh = (ctx: CommandContext) => () => refreshHome(ctx.deps, ctx.client, ctx.userId);

const add: CommandHandler = async (ctx) => {
  studyChannel(ctx.deps);
  if (!ctx.args) throw new DomainError('study_usage');
  const parsed = parseStudyAdd(ctx.args, { now: ctx.now, zone: ctx.deps.config.timezone });
  const { session, link, channel } = await publishStudy(
    ctx.deps,
    ctx.client,
    {
      createdBy: ctx.userId,
      hostId: ctx.userId,
      title: parsed.title,
      description: '',
      tags: parsed.tags,
      startUtc: parsed.startUtc,
      minutes: parsed.minutes,
      capacity: parsed.capacity,
    },
    ctx.now,
  );
  return {
    text: ctx.m.study.added({
      id: session.id,
      title: escapeMrkdwn(session.title),
      when: studyWhen(ctx.audience, session),
      link: link ?? '',
      channel,
    }),
    after: refresh(ctx),
  };
};

const list: CommandHandler = async (ctx) => {
  const items = await upcomingStudyFor(ctx.deps.db, ctx.userId, ctx.now, MAX_LISTED);
  if (!items.length) return { text: ctx.m.study.listEmpty({}) };
  const lines = items.map(({ session: s, counts, mine }) =>
    ctx.m.study.listLine({
      id: s.id,
      when: studyWhen(ctx.audience, s),
      title: escapeMrkdwn(s.title),
      host: s.host_id,
      ...counts,
      capacity: s.capacity ?? 0,
      mine: mine === 'none' ? '' : ctx.m.study.answer({ answer: mine }),
    }),
  );
  return { text: [ctx.m.study.listHeader({ n: items.length }), ...lines].join('\n') };
};

const cancel: CommandHandler = async (ctx) => {
  const id = parseStudyId(ctx.args);
  const result = await cancelStudy(ctx.deps, { userId: ctx.userId, id, now: ctx.now });
  if (!result.changed) return { text: ctx.m.study.alreadyCancelled({ id }) };
  const { session, notify } = result;
  return {
    text: ctx.m.study.cancelled({ id, title: escapeMrkdwn(session.title), n: notify.length }),
    after: async () => {
      await refreshStudyPost(ctx.deps, ctx.client, id);
      await sendStudyDms(
        ctx.deps,
        session,
        notify,
        (d) => cancellationMessages(d, notify),
        'study-cancellation',
      );
      await refreshHome(ctx.deps, ctx.client, ctx.userId);
    },
  };
};

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|(?:^|\s)@?([UW][A-Z0-9]{2,})(?=\s|$)/u;

/** `remove <id> <@user>`: the host (or an operator) cancels someone's spot; the waiting list moves up. */
const remove: CommandHandler = async (ctx) => {
  const [idWord = '', ...rest] = ctx.args.split(/\s+/u);
  const id = parseStudyId(idWord);
  const mention = MENTION.exec(rest.join(' '));
  const targetId = mention?.[1] ?? mention?.[2];
  if (!targetId) throw new DomainError('study_user_missing');
  const { session, outcome } = await removeFromStudy(ctx.deps, {
    actorId: ctx.userId,
    id,
    targetId,
    now: ctx.now,
  });
  if (!outcome.changed) return { text: ctx.m.study.removeNoSpot({ id, user: targetId }) };
  return {
    text: ctx.m.study.removed({ id, user: targetId }),
    after: async () => {
      await refreshStudyPost(ctx.deps, ctx.client, id);
      await sendStudyDms(
        ctx.deps,
        session,
        [targetId, ...outcome.promoted.map((r) => r.userId)],
        (d) => [removalMessage(d, outcome.mine), ...promotionMessages(d, outcome.promoted)],
        'study-rsvp',
      );
    },
  };
};

/** `/study` with no text: the modal (when there is a channel to announce in). */
const modal: CommandModal = {
  check: (deps) => {
    studyChannel(deps);
  },
  build: (ctx, m) =>
    buildStudyModal(m, {
      zone: ctx.deps.config.timezone,
      now: ctx.now,
      userId: ctx.userId,
      channel: ctx.command.channel_id,
    }),
};

export const studyCommand: CommandSpec = {
  name: '/study',
  help: (m) => m.study.help({}),
  modal,
  subcommands: {
    add: { aliases: ['追加', '開催', 'new'], handler: add },
    list: { aliases: ['一覧', 'ls'], handler: list },
    cancel: { aliases: ['中止'], handler: cancel },
    remove: { aliases: ['外す', '参加取消', '参加取り消し'], handler: remove },
  },
};
