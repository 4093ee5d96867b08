/**
 * `/supporter`: roster membership and settings; operators also exempt people, set the quota, post the
 * digest and erase a client's data — each operator command recorded in the audit log.
 */
import { monthOf } from '../../../domain/calendar.js';
import { messages } from '../../../i18n/index.js';
import { recordAudit } from '../../../usecases/audit.js';
import { busyState, forgetBusyCalendar, setBusyCalendar } from '../../../usecases/busyTimes.js';
import { calendarLink } from '../../../usecases/calendarFeed.js';
import {
  assertOperator,
  chooseLanguage,
  exemptSupporter,
  joinRoster,
  leaveRoster,
  setAway,
  setFutureQuota,
  supporterStatus,
  updateExpertise,
} from '../../../usecases/roster.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { composeDigest, digestRecipients, postDigestNow } from '../../digestPosting.js';
import { busyProblemText } from '../../format/busy.js';
import { standingLine } from '../../format/slots.js';
import { refreshHome } from '../../home.js';
import { erase } from './erase.js';
import type { CommandContext, CommandHandler, CommandSpec } from './router.js';

/** An operator command, recorded in the audit log once it has done its work (its words, not its text). */
const audited =
  (name: string, handler: CommandHandler): CommandHandler =>
  async (ctx) => {
    const reply = await handler(ctx);
    if (ctx.deps.config.operatorUserIds.includes(ctx.userId)) {
      await recordAudit(ctx.deps, { actor: ctx.userId, action: 'operator_command', target: name }, ctx.now);
    }
    return reply;
  };

const refresh = (ctx: CommandContext) => () => refreshHome(ctx.deps, ctx.client, ctx.userId);

const join: CommandHandler = async (ctx) => {
  const { alreadyMember } = await joinRoster(ctx.deps, ctx.userId, ctx.now);
  const text = alreadyMember
    ? ctx.m.supporter.alreadyJoined({})
    : ctx.m.supporter.joined({ quota: ctx.deps.config.monthlySlotQuota });
  return { text, after: refresh(ctx) };
};

const leave: CommandHandler = async (ctx) => {
  const { wasMember } = await leaveRoster(ctx.deps, ctx.userId, ctx.now);
  return { text: wasMember ? ctx.m.supporter.left({}) : ctx.m.supporter.notMember({}), after: refresh(ctx) };
};

const expertise: CommandHandler = async (ctx) => {
  const tags = await updateExpertise(ctx.deps, ctx.userId, ctx.args, ctx.now);
  return { text: ctx.m.supporter.expertiseSet({ tags: tags.map((t) => `#${escapeMrkdwn(t)}`).join(' ') }) };
};

/** `2026年12月、2027年1月` / `Dec 2026, Jan 2027`: months as every other message writes them. */
const monthList = (ctx: Parameters<CommandHandler>[0], months: readonly string[]): string =>
  months.map((month) => ctx.m.slots.monthLabel({ month })).join(ctx.locale === 'ja' ? '、' : ', ');

const away: CommandHandler = async (ctx) => {
  const months = await setAway(ctx.deps, ctx.userId, ctx.args, ctx.now);
  return { text: ctx.m.supporter.awaySet({ months: monthList(ctx, months) }), after: refresh(ctx) };
};

const status: CommandHandler = async (ctx) => {
  const s = await supporterStatus(ctx.deps, ctx.userId, ctx.now);
  const m = ctx.m.supporter;
  return {
    text: [
      m.statusHeader({}),
      m.statusMember({ ...(s.member ? { member: 1 } : {}) }),
      m.statusExpertise({ tags: s.expertise.map((t) => `#${escapeMrkdwn(t)}`).join(' ') }),
      m.statusAway({ months: monthList(ctx, s.away) }),
      ctx.m.busy.statusLine({ hint: s.busy.set ? s.busy.hint : '' }),
      ...s.standings.map((st) => standingLine(ctx.audience, st)),
    ].join('\n'),
  };
};

const lang: CommandHandler = async (ctx) => {
  const locale = await chooseLanguage(ctx.deps, ctx.userId, ctx.args, ctx.now);
  return { text: messages(locale).supporter.langSet({}), after: refresh(ctx) };
};

const exempt: CommandHandler = async (ctx) => {
  const r = await exemptSupporter(ctx.deps, ctx.userId, ctx.args, ctx.now);
  return { text: ctx.m.supporter.exemptSet({ user: r.target, months: monthList(ctx, r.months) }) };
};

const quota: CommandHandler = async (ctx) => {
  const r = await setFutureQuota(ctx.deps, ctx.userId, ctx.args, ctx.now);
  return { text: ctx.m.supporter.quotaSet({ quota: r.quota, from: r.fromMonth }) };
};

/** Posts the operator digest now, to the same place the daily one goes. */
const digest: CommandHandler = async (ctx) => {
  assertOperator(ctx.deps, ctx.userId);
  const recipients = digestRecipients(ctx.deps);
  if (!recipients.length) return { text: ctx.m.supporter.digestNowhere({}) };
  const message = await composeDigest(
    ctx.deps,
    ctx.client,
    ctx.now,
    monthOf(ctx.now, ctx.deps.config.timezone),
  );
  await postDigestNow(ctx.client, recipients, message);
  await recordAudit(
    ctx.deps,
    { actor: ctx.userId, action: 'digest_post', target: recipients.join(' ') },
    ctx.now,
  );
  const where = recipients.map((r) => (/^[UW]/.test(r) ? `<@${r}>` : `<#${r}>`)).join(' ');
  return { text: ctx.m.supporter.digestPosted({ where }) };
};

/** `calendar` / `calendar reset`: the private feed link (made on first use; reset makes a new one). */
const calendar: CommandHandler = async (ctx) => {
  const reset = /^(reset|リセット|作り直し)$/i.test(ctx.args.trim());
  const link = await calendarLink(ctx.deps, ctx.userId, reset, ctx.now);
  if ('notConfigured' in link) return { text: ctx.m.calendar.notConfigured({}) };
  const text = link.rotated
    ? ctx.m.calendar.reset({ url: link.url })
    : ctx.m.calendar.link({ url: link.url });
  return { text, after: refresh(ctx) };
};

const BUSY_OFF = /^(off|オフ|解除|削除|やめる)$/i;

/**
 * `busy <URL>` stores the main-job calendar and reads it once (the reply says what it found, or why it
 * could not read it: stored anyway); `busy off` forgets it; `busy` alone shows it (its host only: the
 * address is a secret).
 */
const busy: CommandHandler = async (ctx) => {
  const m = ctx.m.busy;
  if (!ctx.args) {
    const state = await busyState(ctx.deps, ctx.userId);
    return { text: state.set ? m.stateOn({ hint: state.hint }) : m.stateOff({}) };
  }
  // The Home says which calendar slots are checked against: refresh it after a change.
  const after = refresh(ctx);
  if (BUSY_OFF.test(ctx.args.normalize('NFKC'))) {
    return { text: (await forgetBusyCalendar(ctx.deps, ctx.userId)) ? m.off({}) : m.wasOff({}), after };
  }
  const set = await setBusyCalendar(ctx.deps, ctx.userId, ctx.args, ctx.now);
  const month = ctx.m.slots.monthLabel({ month: set.month });
  if (set.check.ok) return { text: m.setOk({ hint: set.hint, month, events: set.check.events }), after };
  if (set.check.problem === 'off') return { text: m.stateOn({ hint: set.hint }), after }; // no reader wired
  return { text: m.setFailed({ hint: set.hint, why: busyProblemText(ctx, set.check) }), after };
};

export const supporterCommand: CommandSpec = {
  name: '/supporter',
  help: (m) => m.help.supporter,
  subcommands: {
    join: { aliases: ['参加'], handler: join },
    leave: { aliases: ['退会'], handler: leave },
    expertise: { aliases: ['専門'], handler: expertise },
    away: { aliases: ['休み'], handler: away },
    status: { aliases: ['状況'], handler: status },
    lang: { aliases: ['言語'], handler: lang },
    calendar: { aliases: ['カレンダー'], handler: calendar },
    busy: { aliases: ['本業'], handler: busy },
    exempt: { aliases: ['免除'], handler: audited('exempt', exempt) },
    quota: { aliases: ['ノルマ'], handler: audited('quota', quota) },
    digest: { aliases: ['ダイジェスト'], handler: audited('digest', digest) },
    erase: { aliases: ['削除'], handler: audited('erase', erase) },
  },
};
