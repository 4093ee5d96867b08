import type { Messages } from '../types.js';

type P = Record<string, string | number>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthEn = (month: string | number) => {
  const [y, m] = String(month).split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
};

export const jobsEn: Messages['jobs'] = {
  quotaText: (p: P) =>
    `*Your slots for ${monthEn(p.month!)}*: ${p.count} of ${p.quota} so far. *${p.missing} more* and you keep the monthly promise (${p.quota}).`,
  quotaSuggest: (_p: P) => 'Ideas from your past slots (paste them into the "Add slots" form):',
  quotaAwayHint: (p: P) => `Away that month? Tell us with \`/supporter away ${p.month}\`.`,
  quotaButton: (_p: P) => 'Add slots',
  digestHeader: (p: P) => `Operator digest ${p.date}`,
  digestCapacity: (p: P) =>
    `${monthEn(p.month!)}: *${p.offered}* slots offered / ${p.needed} needed (${p.active} supporters × ${p.quota})`,
  digestBelowHeader: (p: P) => `*Below quota (${p.n})*`,
  digestBelowLine: (p: P) => `<@${p.user}> ${p.count} of ${p.quota}`,
  digestMore: (p: P) =>
    `…and ${p.n} more (everyone: \`supporter-desk export supporters --month ${p.month}\`)`,
  digestExcused: (p: P) => `Away or exempt: ${p.n}`,
  digestUnansweredHeader: (p: P) => `*Unanswered consultations (${p.n})*`,
  digestUnansweredLine: (p: P) => `${p.link} <@${p.user}> session ${p.when}`,
  digestOverdueHeader: (p: P) => `*Overdue strengths write-ups (${p.n})*`,
  digestOverdueLine: (p: P) => `<@${p.user}> session on ${p.when}`,
  digestNone: (_p: P) => 'none',
  nudgeText: (p: P) =>
    `Could you lend your expertise (${p.tags}) to <@${p.asker}>'s consultation #${p.id}?\n>${p.question}\nSession: ${p.when} · <${p.link}|answer in the thread>`,
  bumpText: (p: P) => `No answer yet (session ${p.when}). Could someone share a view? :pray:`,
  ladderBumpText: (p: P) =>
    `Still no answer, and the session (${p.when}) is coming up. ${p.mentions ? `${p.mentions}, could` : 'Could'} you share a view, even a short one? :pray:`,
  ladderOperatorsText: (p: P) =>
    `:rotating_light: <@${p.asker}>'s consultation #${p.id} has no answer 2 hours before the session (${p.when}). <${p.link}|Open the thread>`,
  digestLadderHeader: (p: P) => `*Answer speed (last 30 days)*: median time to the first answer ${p.median}`,
  digestMedianNone: (_p: P) => '— (no answered consultations)',
  digestHours: (p: P) => `${p.h} h${Number(p.m) ? ` ${p.m} min` : ''}`,
  digestStage3Header: (p: P) => `*Escalated to operators (last 30 days, ${p.n})*`,
  writeupText: (p: P) =>
    `Thank you for the session on ${p.when}. Has the client received their strengths write-up? Once sent, record it with the button${p.id ? ` (or \`/consult writeup ${p.id}\`)` : ''}.`,
  writeupButton: (_p: P) => 'Sent',
};

export const jobsErrorsEn = {};
