/** `/consult`: the quick form posts a consultation; `done`/`writeup` close it; no text opens the modal. */
import { parseQuickConsult } from '../../../domain/consultForm.js';
import {
  markConsultationWriteup,
  parseConsultationId,
  resolveOwnConsultation,
} from '../../../usecases/consultations.js';
import { buildConsultModal } from '../../blocks/consultModal.js';
import { publishConsultation, refreshConsultationPost } from '../../consultPosting.js';
import { postedReply } from '../../format/consult.js';
import { refreshHome } from '../../home.js';
import type { CommandHandler, CommandModal, CommandSpec } from './router.js';

const quickForm: CommandHandler = async (ctx) => {
  const q = parseQuickConsult(ctx.args, ctx.now, ctx.deps.config.timezone);
  const posted = await publishConsultation(
    ctx.deps,
    ctx.client,
    { userId: ctx.userId, startUtc: q.startUtc, plan: q.plan, topic: '', question: q.question, tags: q.tags },
    ctx.now,
  );
  return {
    text: postedReply(ctx.audience, posted, ctx.deps.config.channels.advice),
    after: () => refreshHome(ctx.deps, ctx.client, ctx.userId),
  };
};

const done: CommandHandler = async (ctx) => {
  const id = parseConsultationId(ctx.args);
  const { changed } = await resolveOwnConsultation(ctx.deps, ctx.userId, id, ctx.now);
  if (!changed) return { text: ctx.m.consult.alreadyResolved({ id }) };
  return {
    text: ctx.m.consult.resolved({ id }),
    after: () => refreshConsultationPost(ctx.deps, ctx.client, id),
  };
};

const writeup: CommandHandler = async (ctx) => {
  const id = parseConsultationId(ctx.args);
  const { changed } = await markConsultationWriteup(ctx.deps, ctx.userId, id, ctx.now);
  return {
    text: changed ? ctx.m.consult.writeupDone({ id }) : ctx.m.consult.writeupAlready({ id }),
    after: () => refreshHome(ctx.deps, ctx.client, ctx.userId),
  };
};

/** `/consult` with no text: the modal. */
const modal: CommandModal = {
  build: (ctx, m, locale) =>
    buildConsultModal(m, locale, ctx.deps.config.timezone, ctx.now, ctx.command.channel_id),
};

export const consultCommand: CommandSpec = {
  name: '/consult',
  help: (m) => m.help.consult,
  modal,
  subcommands: {
    done: { aliases: ['完了', 'resolve', '解決'], handler: done },
    writeup: { aliases: ['レポート済', 'レポート済み', 'report'], handler: writeup },
  },
  fallback: quickForm,
};
