import type { ErrorCode } from '../domain/errors.js';
import { consultEn, consultErrorsEn } from './en/consult.js';
import { jobsEn, jobsErrorsEn } from './en/jobs.js';
import { sessionsEn, sessionsErrorsEn } from './en/sessions.js';
import { homeEn, slotsEn, supporterEn } from './en/slots.js';
import { studyEn, studyErrorsEn } from './en/study.js';
import type { Messages } from './types.js';

type P = Record<string, string | number>;

const PII_EN: Record<string, string> = {
  email: 'e-mail address',
  phone: 'phone number',
  postal: 'postal code',
  social_url: 'social profile URL',
  person_name: "a person's name",
};

/** What to do about a finding; by default, remove it. */
const PII_NEXT_EN: Record<string, string> = {
  person_name:
    'Please use an alias such as "Aさん" or "the client" instead and send again (a public figure given as an example passes with the family name alone).',
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

export const en: Messages = {
  common: {
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    holidayMark: 'holiday',
    minutes: (p: P) => `${p.n} min`,
    plan: { light: 'light', first: 'first', followup: 'follow-up' },
  },
  help: {
    slots: [
      '*`/slots` — register and check your consultation slots*',
      '• `/slots add 12/3 19:00` — add a slot (several: separate with new lines or `,`)',
      '• `/slots add 2026-12-03 19:00 90`, `12/3 19:00-20:30`, `12/3 7pm first`',
      '• `/slots add every tue 20:00` / `weekdays 20:00` — every such day left in that month',
      '• `/slots list [2026-12]` — your slots with their ids and quota progress',
      '• `/slots remove <id…>` / `unbook <id>` — remove a slot, undo a booking',
      '• `/slots cover <id>` — ask a peer to take a booked session over (`cover cancel <id>` withdraws it)',
      '• `/slots book <id> [client] [plan] [topic…]` — e.g. `/slots book 12 A-san first unsure what to look for in a job` (call the client by an alias like `A-san`; never a real name or contact details)',
      'Lengths: `45`/`light`, `90`/`first`, `60`/`followup` (60 when omitted).',
    ].join('\n'),
    consult: [
      '*`/consult` — ask fellow supporters for advice before a session*',
      '• `/consult` — open the form',
      '• `/consult 12/3 19:00 first Unsure what they want from a career change; how to dig deeper? #agent #HR`',
      '• `/consult done <id>` — resolved / `/consult writeup <id>` — strengths write-up sent',
      "Never include the client's personal data (e-mail addresses, phone numbers…).",
    ].join('\n'),
    supporter: [
      '*`/supporter` — roster and settings*',
      '• `join` / `leave`',
      '• `expertise HR recruiting staffing` — your fields; you are told when a consultation needs them',
      '• `away 2026-12` — no reminders for that month',
      '• `status` / `lang ja|en`',
      'Operators only: `digest` / `exempt @user 2026-12` / `quota 5`',
    ].join('\n'),
  },
  slots: slotsEn,
  supporter: supporterEn,
  home: homeEn,
  jobs: jobsEn,
  study: studyEn,
  sessions: sessionsEn,
  consult: consultEn,
  errors: {
    ...jobsErrorsEn,
    ...consultErrorsEn,
    ...studyErrorsEn,
    ...sessionsErrorsEn,
    generic: (_p: P) => 'Sorry, something went wrong while handling that. Please try again in a moment.',
    permission_denied: (_p: P) => 'Only operators (OPERATOR_USER_IDS) can do this.',
    not_yours: (_p: P) => 'This button is meant for someone else, so it cannot be used by you.',
    modal_expired: (_p: P) =>
      "The form didn't open in time (Slack waits only 3 seconds). Please run the command again, or click the button again.",
    unknown_subcommand: (p: P) =>
      `I don't know \`${p.command} ${p.sub}\`. Try \`${p.command} help\` for usage.`,
    input_too_long: (p: P) => `${p.field} is too long (at most ${p.max} characters). Please shorten it.`,
    month_invalid: (p: P) => `"${p.value}" is not a month I can read. Write it like \`2026-12\`.`,
    slot_empty: (_p: P) => 'There is no slot to add. Example: `/slots add 12/3 19:00`',
    slot_unrecognized: (p: P) =>
      `I could not read "${p.entry}" as a slot. Write it like \`12/3 19:00\`, \`2026-12-03 19:00 90\` or \`every tue 20:00\`.`,
    slot_date_invalid: (p: P) => `The date in "${p.entry}" does not exist. Please check the calendar.`,
    slot_date_missing: (p: P) => `"${p.entry}" has no date. Add one, like \`12/3 19:00\`.`,
    slot_weekday_mismatch: (p: P) =>
      `"${p.entry}": ${p.date} is a ${WEEKDAY_EN_OF_JA[String(p.actual)] ?? p.actual}, not ${p.written}. Fix the date or the weekday.`,
    slot_time_missing: (p: P) => `"${p.entry}" has no start time. Add one, like \`19:00\`.`,
    slot_time_invalid: (p: P) => `The time in "${p.entry}" is not valid. Use 24-hour time like \`19:00\`.`,
    slot_time_ambiguous: (p: P) =>
      `The time in "${p.entry}" could be morning or evening. Write \`19:00\` or \`7pm\`.`,
    slot_length_out_of_range: (p: P) =>
      `The length of "${p.entry}" (${p.minutes} min) is out of range: use 15–240 minutes (light 45, first 90, follow-up 60).`,
    slot_end_before_start: (p: P) => `In "${p.entry}" the end time is before the start time.`,
    slot_in_past: (p: P) => `"${p.entry}" is in the past. Choose a time from now on.`,
    slot_overlap_existing: (p: P) => `"${p.entry}" overlaps your slot #${p.id} (${p.when}).`,
    slot_overlap_in_command: (p: P) => `"${p.entry}" overlaps "${p.other}" in the same command.`,
    slot_too_many: (p: P) =>
      `At most ${p.max} slots can be added at once (there were ${p.count}). Please split them up.`,
    slot_pattern_empty: (p: P) => `No day left this month matches "${p.entry}".`,
    slot_not_found: (p: P) => `Slot #${p.id} was not found. Check the ids with \`/slots list\`.`,
    slot_not_yours: (p: P) => `Slot #${p.id} is not yours, so you cannot change it.`,
    slot_status_conflict: (p: P) => `Slot #${p.id} is "${p.status}", so that cannot be done.`,
    slot_id_missing: (_p: P) => 'Give a slot id, e.g. `/slots remove 12` (see `/slots list` for ids).',
    consult_pii: (p: P) =>
      `This looks like personal data (${PII_EN[String(p.kind)] ?? p.kind}: "${p.fragment}"). ${PII_NEXT_EN[String(p.kind)] ?? 'Please remove that part and send again.'} Nothing was posted.`,
    consult_in_past: (_p: P) => 'The session time has already passed. Choose a time from now on.',
    consult_text_missing: (_p: P) =>
      'There is no question. Example: `/consult 12/3 19:00 first How to help them find their career axis? #HR`',
    consult_datetime_missing: (_p: P) =>
      'I could not read the session date and time. Start with them, like `/consult 12/3 19:00 …`.',
    consult_not_found: (p: P) => `Consultation #${p.id} was not found.`,
    consult_not_yours: (p: P) => `Consultation #${p.id} is not yours, so you cannot change it.`,
    consult_channel_missing: (_p: P) =>
      'The advice channel (ADVICE_CHANNEL_ID) is not configured. Please contact an operator.',
    consult_slot_conflict: (p: P) => `You already have another booked session (#${p.id}) at that time.`,
    tags_empty: (_p: P) => 'Name at least one field. Example: `/supporter expertise HR recruiting staffing`',
    quota_invalid: (p: P) => `"${p.value}" cannot be a quota. Use a whole number from 1 to 31.`,
    user_mention_missing: (_p: P) => 'Mention the member, like `@name`.',
    locale_invalid: (p: P) => `"${p.value}" is not supported. Use \`ja\` or \`en\`.`,
    not_on_roster: (_p: P) => 'You are not on the roster yet. Join with `/supporter join`.',
  } satisfies Record<ErrorCode, (p: P) => string>,
};
