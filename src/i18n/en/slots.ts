import type { slotErrorsJa } from '../ja/slots.js';
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
    if (Number(p.missing) === 0) return `${label}: ${p.count} of ${p.quota} slots — quota met 🎉`;
    return `${label}: ${p.count} of ${p.quota} slots — ${p.missing} to go`;
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
    'e.g. 12/3 19:00 / 2026-12-10 20:00 90 / tomorrow 7pm / next tue 20:00-21:00 / every tue 20:00 (rest of the month)',
  modalSubmit: (_p: P) => 'Add',
  modalCancel: (_p: P) => 'Cancel',
  previewEmpty: (_p: P) => 'Start typing: the slots that will be added show up here.',
  previewHeader: (p: P) => `*Slots to add (${p.n})*`,
  previewLine: (p: P) => `• ${p.when} ${p.plan} (${p.minutes})`,
  previewMore: (p: P) => `…and ${p.n} more`,
  previewOtherMonth: (p: P) =>
    `Note: a slot with a date goes into that date's month (${p.months}). The month field is for entries like "3日" or "every tue".`,
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
    'There is nowhere to post the digest yet (no operator channel or operators are set up). Please ask whoever manages the settings.',
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
  unsetAwayNext: (p: P) => `Not away in ${shortMonth(p.month!)} after all`,
  writeupDone: (_p: P) => 'Sent',
  notMember: (_p: P) =>
    'You are not on the roster yet. Join with `/supporter join`, or add slots with `/slots add` to begin.',
};

/** The slot parser names weekdays in Japanese; English messages show them in English. */
const WEEKDAY_EN_OF_JA: Record<string, string> = {
  月: 'Monday',
  火: 'Tuesday',
  水: 'Wednesday',
  木: 'Thursday',
  金: 'Friday',
  土: 'Saturday',
  日: 'Sunday',
};
const weekdayEn = (ja: string | number | undefined): string => WEEKDAY_EN_OF_JA[String(ja)] ?? String(ja);

const SLOT_EXAMPLES_EN =
  'Write it like `12/3 19:00`, `tomorrow 7pm 90`, `next tue 20:00-21:00` or `every tue 20:00`.';
const DUPLICATE_EN: Record<string, string> = {
  date: 'two dates',
  time: 'two times',
  weekday: 'two weekdays',
};
const DUPLICATE_HINT_EN: Record<string, string> = {
  date: 'Write one slot per line (separate several with new lines or `,`).',
  time: 'For a time range write `19:00-20:00`.',
  weekday: 'Keep one weekday.',
};

export const slotErrorsEn: Pick<Messages['errors'], keyof typeof slotErrorsJa> = {
  slot_unrecognized: (p: P) =>
    p.token && String(p.token) !== String(p.entry).normalize('NFKC')
      ? `In "${p.entry}" I could not read "${p.token}". ${SLOT_EXAMPLES_EN}`
      : `I could not read "${p.entry}" as a slot. ${SLOT_EXAMPLES_EN}`,
  slot_date_invalid: (p: P) =>
    `The date ${p.token ? `"${p.token}" ` : ''}in "${p.entry}" does not exist. Please check the calendar.`,
  slot_date_missing: (p: P) =>
    `"${p.entry}" has no date. Add a date or a weekday, like \`12/3 19:00\`, \`tomorrow 7pm\` or \`tue 20:00\`.`,
  slot_weekday_mismatch: (p: P) =>
    `"${p.entry}": ${p.date} is a ${weekdayEn(p.actual)}, not ${weekdayEn(p.written)} ("${p.token ?? p.written}"). Fix the date or the weekday.`,
  slot_time_missing: (p: P) => `"${p.entry}" has no start time. Add one, like \`19:00\` or \`7pm\`.`,
  slot_time_invalid: (p: P) =>
    `The time ${p.token ? `"${p.token}" ` : ''}in "${p.entry}" is not valid. Use 24-hour time like \`19:00\`.`,
  slot_time_ambiguous: (p: P) =>
    `The time ${p.token ? `"${p.token}" ` : ''}in "${p.entry}" could be morning or evening. Write \`19:00\` or \`7pm\`.`,
  slot_length_out_of_range: (p: P) =>
    `The length of "${p.entry}" (${p.minutes} min) is out of range: use 15–240 minutes (light 45, first 90, follow-up 60).`,
  slot_end_before_start: (p: P) =>
    `In "${p.entry}" the end of ${p.token ? `"${p.token}"` : 'the range'} is before its start. A slot may run past midnight for up to 4 hours (e.g. \`23:00-0:30\`).`,
  slot_in_past: (p: P) => `"${p.entry}" is in the past. Choose a time from now on.`,
  slot_recent_past: (p: P) =>
    `In "${p.entry}", "${p.token}" passed ${p.days} day${Number(p.days) === 1 ? '' : 's'} ago. If you mean next year, write the year first, like \`${p.nextYear}\`.`,
  slot_duplicate: (p: P) =>
    `"${p.entry}" has ${DUPLICATE_EN[String(p.what)] ?? 'something twice'} ("${p.token}"). ${DUPLICATE_HINT_EN[String(p.what)] ?? ''}`,
  slot_length_conflict: (p: P) =>
    `The lengths in "${p.entry}" disagree: ${p.minutes} min and "${p.token}" (${p.other} min). Keep one of them.`,
};
