/** Sessions (a booked slot: booking, the booking DM, the pre-session brief) — English. */
import type { sessionsErrorsJa } from '../ja/sessions.js';
import type { Messages } from '../types.js';

type P = Record<string, string | number>;

const PLAN_EN: Record<string, string> = { light: 'light', first: 'first', followup: 'follow-up' };
const planEn = (p: P) => PLAN_EN[String(p.plan)] ?? String(p.plan);
const detailsEn = (p: P) =>
  [
    `• When: ${p.when}`,
    `• Plan: ${planEn(p)}`,
    `• Client: ${p.alias || '(not given)'}`,
    `• Topic: ${p.topic || '(not given)'}`,
  ].join('\n');

export const sessionsEn: Messages['sessions'] = {
  plan: planEn,
  booked: (p: P) =>
    `Slot #${p.id} (${p.when}) is booked (${planEn(p)}${p.alias ? `, ${p.alias}` : ''}). I'll DM you what you need to prepare.`,
  bookingHeader: (_p: P) => 'New booking',
  bookingText: (p: P) => `*New booking* 🎉\n${detailsEn(p)}`,
  bookingNext: (_p: P) =>
    'Want a view from peers with other expertise? Ask them with the button below. I will also send you a brief the day before and an hour before.',
  askPeers: (_p: P) => 'Ask peers',
  briefText: (p: P) =>
    `*Getting ready (${Number(p.hours) >= 24 && Number(p.hours) % 24 === 0 ? `${Number(p.hours) / 24} day${Number(p.hours) === 24 ? '' : 's'}` : `${p.hours} hour${Number(p.hours) === 1 ? '' : 's'}`} to go)*\n${detailsEn(p)}`,
  briefAnswers: (p: P) =>
    Number(p.count) > 0
      ? `Consultation #${p.id} has ${p.count} answer${Number(p.count) === 1 ? '' : 's'} (${p.who}). ${p.link ? `<${p.link}|Open the thread>` : ''}`
      : `Consultation #${p.id} has no answers yet. ${p.link ? `<${p.link}|Open the thread>` : ''}`,
  briefNoConsultation: (_p: P) =>
    'You have not asked peers about it yet. If anything is on your mind, now is a good time.',
  coverButton: (_p: P) => 'Ask for cover',
  coverPost: (p: P) =>
    `*Cover needed* 🙏\nCould someone take <@${p.asker}>'s session on *${p.when}* (${planEn(p)})?`,
  coverTakeButton: (_p: P) => 'Take it',
  coverPostTaken: (p: P) =>
    `*Cover found* ✅\n<@${p.taker}> is taking the session on ${p.when} (${planEn(p)}). Thank you!`,
  coverPostWithdrawn: (p: P) => `~Cover needed~ ${p.when} (${planEn(p)}): withdrawn.`,
  coverRequested: (p: P) =>
    `Your cover request for slot #${p.id} (${p.when}) is posted in <#${p.channel}>. I'll DM you when someone takes it. To withdraw it: \`/slots cover cancel ${p.id}\`.`,
  coverCancelled: (p: P) => `The cover request for slot #${p.id} (${p.when}) is withdrawn.`,
  coverTakenByYou: (p: P) =>
    `*You're covering this session* 🙌 Thank you! (from <@${p.asker}>)\n${detailsEn(p)}\nThe slot, the consultation and the write-up are yours now; the briefs will come to you.`,
  coverTakenFromYou: (p: P) =>
    `<@${p.taker}> is taking your session on ${p.when}. The slot and the consultation are theirs now.`,
};

export const sessionsErrorsEn: Record<keyof typeof sessionsErrorsJa, (p: P) => string> = {
  plan_invalid: (p: P) => `"${p.value}" is not a plan. Use light, first or followup (ライト / 初回 / 継続).`,
  session_not_found: (p: P) =>
    `Session #${p.id} was not found (its booking may have been undone). Check with \`/slots list\`.`,
  booking_target_missing: (_p: P) =>
    'Which slot? Give its number (slot_id), or the supporter and the start time (supporter and start).',
  booking_start_invalid: (p: P) =>
    `Could not read the start time "${p.value}". Use ISO-8601, e.g. 2026-12-03T19:00:00+09:00.`,
  booking_no_slot_at: (p: P) =>
    `${p.supporter} has no slot starting at ${p.start} (it may have been removed). They add slots with \`/slots add\`.`,
  cover_channel_missing: (_p: P) =>
    "The supporters' channel is not set up yet, so cover can't be requested. Please ask an operator to set it.",
  cover_started: (p: P) =>
    `The session of slot #${p.id} has already started. Ask for cover before it starts.`,
  cover_already_open: (p: P) =>
    `Cover for slot #${p.id} is already requested. To withdraw it: \`/slots cover cancel ${p.id}\`.`,
  cover_taken: (p: P) =>
    `${p.user ? `<@${p.user}>` : 'Someone'} has already taken this one. Thank you all the same!`,
  cover_withdrawn: (_p: P) => 'This cover request was withdrawn, or the booking was undone.',
  cover_own: (_p: P) =>
    'This is your own cover request. To withdraw it: `/slots cover cancel <slot number>`.',
  cover_clash: (_p: P) =>
    'You have another slot at that time, so you cannot take this one. See `/slots list`.',
  cover_none: (p: P) => `Slot #${p.id} has no open cover request.`,
  csv_unterminated_quote: (p: P) => `the quoted field starting on line ${p.line} is never closed`,
  csv_header_invalid: (p: P) => `the header (line 1) must be ${p.expected}, not ${p.actual}`,
  csv_row_invalid: (p: P) => `it has ${p.actual} fields where the header has ${p.expected}`,
};
