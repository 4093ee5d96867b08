import type { ErrorCode } from '../domain/errors.js';
import { busyEn } from './en/busy.js';
import { calendarEn } from './en/calendar.js';
import { consultEn, consultErrorsEn } from './en/consult.js';
import { jobsEn, jobsErrorsEn } from './en/jobs.js';
import { PII_EN, privacyEn } from './en/privacy.js';
import { sessionsEn, sessionsErrorsEn } from './en/sessions.js';
import { setupErrorsEn } from './en/setup.js';
import { homeEn, slotErrorsEn, slotsEn, supporterEn } from './en/slots.js';
import { studyEn, studyErrorsEn } from './en/study.js';
import { writeupsEn, writeupsErrorsEn } from './en/writeups.js';
import type { Messages } from './types.js';
import { slotWhenOf } from './when.js';

type P = Record<string, string | number>;

const PLAN_LABEL_EN: Record<string, string> = { light: 'light', first: 'first', followup: 'follow-up' };

/** What to do about a finding; by default, remove it. */
const PII_NEXT_EN: Record<string, string> = {
  person_name:
    'Please use an alias such as "Aさん" or "the client" instead and send again (a public figure given as an example passes with the family name alone).',
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
      '• also `tomorrow 7pm`, `next tue 20:00-21:00`, `Thu 12/3 19:00`, `3 Dec 7pm`, `23:00-0:30` (ends the next day)',
      "Dates: weeks start on Monday (`来週火曜` is Tuesday of the week starting next Monday; a bare `tue` is the next Tuesday). If a date without a year has passed, write next year's with the year, like `2027/12/1`.",
      '• `/slots list [2026-12]` — your slots with their ids and quota progress',
      '• `/slots remove <id…>` / `unbook <id>` — remove a slot, undo a booking',
      '• `/slots cover <id>` — ask a peer to take a booked session over (`cover cancel <id>` withdraws it)',
      '• `/slots book <id> [client] [plan] [topic…]` — e.g. `/slots book 12 A-san first unsure what to look for in a job` (call the client by an alias like `A-san`; never a real name or contact details)',
      '• `/slots outcome <id> held|no_show|cancelled` — record how an ended session went (write it up with `/writeup`)',
      'Lengths: `45`/`light`, `90`/`first`, `60`/`followup` (60 when omitted).',
    ].join('\n'),
    consult: [
      '*`/consult` — ask fellow supporters for advice before a session*',
      '• `/consult` — open the form',
      '• `/consult 12/3 19:00 first Unsure what they want from a career change; how to dig deeper? #agent #HR`',
      'It books your slot at that time (or creates a booked slot, which counts toward your quota), as long as the plan. In replies, "consultation #3" is the consultation\'s number and "slot #26" the slot\'s.',
      '• `/consult done <consultation #>` — resolved / `/consult writeup <consultation #>` — strengths write-up sent',
      "Never include the client's personal data (e-mail addresses, phone numbers…).",
    ].join('\n'),
    supporter: [
      '*`/supporter` — roster and settings*',
      '• `join` / `leave`',
      '• `expertise HR recruiting staffing` — your fields; you are told when a consultation needs them',
      '• `away 2026-12` — no reminders for that month',
      '• `status` / `lang ja|en`',
      '• `calendar` — a link to subscribe to your schedule in a calendar app (`calendar reset` makes a new one)',
      '• `busy <ICS URL>` — your main-job calendar: I warn when a slot clashes with it (`busy` shows it, `busy off` removes it)',
      'Operators only: `digest` / `exempt @user 2026-12` / `quota 5` / `erase consultation <id>`',
    ].join('\n'),
  },
  slots: slotsEn,
  supporter: supporterEn,
  home: homeEn,
  jobs: jobsEn,
  privacy: privacyEn,
  study: studyEn,
  sessions: sessionsEn,
  writeups: writeupsEn,
  consult: consultEn,
  calendar: calendarEn,
  busy: busyEn,
  errors: {
    ...jobsErrorsEn,
    ...setupErrorsEn,
    ...consultErrorsEn,
    ...studyErrorsEn,
    ...sessionsErrorsEn,
    ...slotErrorsEn,
    ...writeupsErrorsEn,
    generic: (_p: P) => 'Sorry, something went wrong while handling that. Please try again in a moment.',
    permission_denied: (_p: P) => 'Only operators can do this.',
    not_yours: (_p: P) => 'This button is meant for someone else, so it cannot be used by you.',
    modal_expired: (_p: P) =>
      "The form didn't open in time (Slack waits only 3 seconds). Please run the command again, or click the button again.",
    unknown_subcommand: (p: P) =>
      `I don't know \`${p.command} ${p.sub}\`. Try \`${p.command} help\` for usage.`,
    input_too_long: (p: P) => `${p.field} is too long (at most ${p.max} characters). Please shorten it.`,
    month_invalid: (p: P) => `"${p.value}" is not a month I can read. Write it like \`2026-12\`.`,
    slot_empty: (_p: P) => 'There is no slot to add. Example: `/slots add 12/3 19:00`',
    slot_overlap_existing: (p: P) => `"${p.entry}" overlaps your slot #${p.id} (${slotWhenOf(p, 'en')}).`,
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
      'No channel is set up for consultations yet. Please contact an operator.',
    consult_slot_conflict: (p: P) =>
      `Your slot #${p.id} (${slotWhenOf(p, 'en')}) is at that time. Choose another time, or check your slots with \`/slots list\`. Nothing was posted.`,
    consult_slot_too_short: (p: P) =>
      `Making slot #${p.id} as long as the ${PLAN_LABEL_EN[String(p.plan)] ?? ''} plan (${p.planMinutes} min) would overlap slot #${p.other} (${slotWhenOf(p, 'en')}). Choose another plan, or move slot #${p.other}, and send again. Nothing was posted.`,
    tags_empty: (_p: P) => 'Name at least one field. Example: `/supporter expertise HR recruiting staffing`',
    tag_too_long: (p: P) =>
      `The field "${p.tag}" is ${p.length} characters long; each can have at most ${p.max}. Please shorten it and send again. Your fields are unchanged.`,
    tag_invalid: (p: P) =>
      `"${p.tag}" can't be a field (\`<\`, \`>\` and \`|\` are not allowed). Your fields are unchanged.`,
    tags_too_many: (p: P) =>
      `At most ${p.max} fields (there were ${p.count}). Please pick the main ones and send again. Your fields are unchanged.`,
    quota_invalid: (p: P) => `"${p.value}" cannot be a quota. Use a whole number from 1 to 31.`,
    user_mention_missing: (_p: P) => 'Mention the member, like `@name`.',
    locale_invalid: (p: P) => `"${p.value}" is not supported. Use \`ja\` or \`en\`.`,
    not_on_roster: (_p: P) => 'You are not on the roster yet. Join with `/supporter join`.',
    busy_url_invalid: (p: P) => `${busyEn.urlInvalid(p)}\nNothing was saved.`,
  } satisfies Record<ErrorCode, (p: P) => string>,
};
