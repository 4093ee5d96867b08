import type { Messages } from '../types.js';

type P = Record<string, string | number>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthEn = (month: string | number) => {
  const [y, m] = String(month).split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
};
const shortMonth = (month: string | number) => MONTHS[Number(String(month).split('-')[1]) - 1];

export const slotsEn: Messages['slots'] = {
  monthLabel: (p: P) => monthEn(p.month!),
  progress: (p: P) => {
    const label = p.showYear ? monthEn(p.month!) : shortMonth(p.month!);
    if (p.away) return `${label}: away (not counted)`;
    if (p.exempt) return `${label}: exempt (not counted)`;
    if (Number(p.missing) === 0) return `${label}: ${p.count}/${p.quota} slots — quota met 🎉`;
    return `${label}: ${p.count}/${p.quota} slots — ${p.missing} to go`;
  },
  added: (p: P) => `*Added ${p.n} slot${Number(p.n) === 1 ? '' : 's'}*`,
  listHeader: (p: P) => `*Your slots in ${monthEn(p.month!)}*`,
  listEmpty: (_p: P) => 'No slots this month yet. Add one with `/slots add 12/3 19:00`.',
  status: (p: P) =>
    ({ open: 'open', booked: 'booked', cancelled: 'removed' })[String(p.status)] ?? String(p.status),
  removed: (p: P) => `Removed slot ${p.ids}.`,
  unbooked: (p: P) => `Slot #${p.id} (${p.when}) is open again.`,
  modalTitle: (_p: P) => 'Add slots',
  modalMonth: (_p: P) => 'Month',
  modalEntries: (_p: P) => 'Slots (one per line)',
  modalEntriesHint: (_p: P) =>
    'e.g. 12/3 19:00 / 2026-12-10 20:00 90 / 19:00-20:30 / every tue 20:00 (rest of the month)',
  modalSubmit: (_p: P) => 'Add',
  modalCancel: (_p: P) => 'Cancel',
};

export const supporterEn: Messages['supporter'] = {
  joined: (p: P) =>
    `You are on the roster. Welcome! Add your slots with \`/slots add\` (at least ${p.quota} a month).`,
  alreadyJoined: (_p: P) => 'You are already on the roster.',
  left: (_p: P) => 'You have left the roster. Thank you for everything; no more reminders will come.',
  notMember: (_p: P) => 'You were not on the roster.',
  expertiseSet: (p: P) => `Expertise saved: ${p.tags}\nYou will hear about consultations tagged with these.`,
  awaySet: (p: P) => `Marked ${p.months} as away: no reminders, and not counted against the quota.`,
  statusHeader: (_p: P) => '*Your status*',
  statusMember: (p: P) => (p.member ? 'Roster: supporter' : 'Roster: not yet (`/supporter join`)'),
  statusExpertise: (p: P) => `Expertise: ${p.tags || 'not set (`/supporter expertise HR recruiting`)'}`,
  statusAway: (p: P) => `Away: ${p.months || 'none'}`,
  langSet: (_p: P) => 'Language set to English.',
  exemptSet: (p: P) => `<@${p.user}> is exempt from the quota in ${p.months}.`,
  quotaSet: (p: P) => `From ${monthEn(p.from!)} the quota is ${p.quota} slots a month.`,
  digestPosted: (p: P) => `The digest is posted (${p.where}).`,
  digestNowhere: (_p: P) =>
    'There is nowhere to post the digest: set OPERATOR_CHANNEL_ID or OPERATOR_USER_IDS.',
};

export const homeEn: Messages['home'] = {
  title: (_p: P) => 'Supporter Desk',
  intro: (_p: P) => 'Your slots, sessions and strengths write-ups at a glance.',
  progressHeader: (_p: P) => '*Monthly slot quota*',
  weekHeader: (_p: P) => '*This week*',
  weekNone: (_p: P) => 'No booked sessions in the next 7 days.',
  weekLine: (p: P) =>
    [
      `*${p.when}* ${p.plan} \`#${p.id}\``,
      [
        p.briefed ? 'Brief: sent' : 'Brief: not yet',
        p.consultation
          ? Number(p.answers) > 0
            ? `Consultation #${p.consultation}: ${p.answers} answer${Number(p.answers) === 1 ? '' : 's'}`
            : `Consultation #${p.consultation}: waiting for answers`
          : 'Peers not asked yet',
        ...(p.cover ? ['Cover requested'] : []),
      ].join(' · '),
    ].join('\n'),
  upcomingHeader: (_p: P) => '*Upcoming sessions*',
  noUpcoming: (_p: P) => 'No booked sessions yet.',
  pendingHeader: (_p: P) => '*Strengths write-ups to send*',
  noPending: (_p: P) => 'No write-ups waiting.',
  pendingLine: (p: P) => `Session on ${p.when}${p.overdue ? ' — :warning: overdue' : ''}`,
  addSlots: (_p: P) => 'Add slots',
  setAwayNext: (p: P) => `Away in ${shortMonth(p.month!)}`,
  writeupDone: (_p: P) => 'Sent',
  notMember: (_p: P) =>
    'You are not on the roster yet. Join with `/supporter join`, or add slots with `/slots add` to begin.',
};
