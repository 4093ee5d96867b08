import type { studyErrorsJa } from '../ja/study.js';
import type { Messages } from '../types.js';
import { startOf } from '../when.js';

type P = Record<string, string | number>;

const ANSWER_EN: Record<string, string> = {
  going: 'going',
  not_going: 'not going',
  maybe: 'maybe',
  waitlisted: 'waiting list',
  none: 'no answer',
};

const capacityPart = (p: P) => (p.capacity ? ` of ${p.capacity}` : '');

export const studyEn: Messages['study'] = {
  help: (_p: P) =>
    [
      '*`/study` — study sessions among fellow supporters*',
      '• `/study` — open the form (title, date and time, length, host, description, capacity)',
      '• `/study add 12/10 20:00 90 Hiring market update #recruiting` — date, time, length (60 when omitted), title, #tags; `cap 10` sets a capacity',
      '• `/study list` — upcoming study sessions and who is coming',
      '• `/study cancel <id>` — the host or an operator cancels it; everyone going is told by DM',
      '• `/study remove <id> @user` — the host or an operator cancels someone’s spot (the waiting list moves up)',
      'Answer with the Going / Not going / Maybe buttons on the post. Beyond the capacity you join the waiting list and move up in order when a spot frees.',
    ].join('\n'),
  answer: (p: P) => ANSWER_EN[String(p.answer)] ?? String(p.answer),
  postHeader: (p: P) => `Study session #${p.id} · ${p.when}`,
  postCancelledHeader: (p: P) => `[Cancelled] Study session #${p.id} · ${p.when}`,
  postTitle: (p: P) => `*${p.title}*`,
  postHost: (p: P) => `Host: <@${p.user}>`,
  postTags: (p: P) => `Topics: ${p.tags}`,
  postLength: (p: P) => `${p.minutes} min`,
  postCapacity: (p: P) => (p.capacity ? `Capacity ${p.capacity}` : 'No capacity limit'),
  postCounts: (p: P) =>
    `*Going ${p.going}${capacityPart(p)}* · Waiting ${p.waitlisted} · Maybe ${p.maybe} · Not going ${p.notGoing}`,
  postGoing: (p: P) => `Going: ${p.users}`,
  postWaiting: (p: P) => `Waiting list: ${p.users}`,
  postMore: (p: P) => `and ${p.n} more`,
  postCancelled: (_p: P) => ':no_entry: This study session was cancelled.',
  postStarted: (_p: P) => 'This study session has started.',
  buttonGoing: (_p: P) => 'Going',
  buttonNotGoing: (_p: P) => 'Not going',
  buttonMaybe: (_p: P) => 'Maybe',
  added: (p: P) =>
    `Study session #${p.id} "${p.title}" (${p.when}) is ${p.link ? `<${p.link}|announced>` : `announced in <#${p.channel}>`}.`,
  listHeader: (p: P) => `*Upcoming study sessions (${p.n})*`,
  listEmpty: (_p: P) => 'No study sessions are planned. Start one with `/study add 12/10 20:00 Title`.',
  listLine: (p: P) =>
    `• \`#${p.id}\` ${p.when} *${p.title}* — host <@${p.host}> · going ${p.going}${capacityPart(p)}${Number(p.waitlisted) > 0 ? ` · waiting ${p.waitlisted}` : ''} · maybe ${p.maybe}${p.mine ? ` · you: ${p.mine}` : ''}`,
  cancelled: (p: P) =>
    `Study session #${p.id} "${p.title}" is cancelled. The ${p.n} people going are told by DM.`,
  alreadyCancelled: (p: P) => `Study session #${p.id} is already cancelled.`,
  removed: (p: P) => `<@${p.user}>'s spot in study session #${p.id} is cancelled.`,
  removeNoSpot: (p: P) => `<@${p.user}> is not going to study session #${p.id}.`,
  rsvpGoing: (p: P) =>
    `You are *going* to study session #${p.id} "${p.title}". You'll get a DM the day before and an hour before.`,
  rsvpWaitlisted: (p: P) =>
    `Study session #${p.id} "${p.title}" is full: you are *on the waiting list (#${p.rank})*. You'll get a DM when a spot frees.`,
  rsvpNotGoing: (p: P) => `You are *not going* to study session #${p.id} "${p.title}".`,
  rsvpMaybe: (p: P) => `You answered *maybe* for study session #${p.id} "${p.title}".`,
  rsvpSame: (p: P) => `Your answer for study session #${p.id} is already "${p.answer}".`,
  promotedText: (p: P) =>
    `:tada: A spot freed up: you are now *going* to study session #${p.id} "${p.title}" (${p.when}). ${p.link ? `<${p.link}|See the post>` : ''}`,
  cancelledText: (p: P) =>
    `Study session #${p.id} "${p.title}" (${p.when}) is cancelled. Sorry for the change of plans.`,
  removedText: (p: P) =>
    `Your spot in study session #${p.id} "${p.title}" (${p.when}) was cancelled by the host.`,
  reminderDay: (p: P) =>
    `:books: Study session reminder (within 24 h): *${p.title}* (${p.when}, host <@${p.host}>). ${p.link ? `<${p.link}|See the post>` : ''}`,
  reminderHour: (p: P) =>
    `:alarm_clock: Study session starting soon: *${p.title}* (${p.when}, host <@${p.host}>). ${p.link ? `<${p.link}|See the post>` : ''}`,
  followupText: (p: P) =>
    `<@${p.host}> Thanks for hosting "${p.title}"! Could you share the slides or notes in this thread? It helps those who couldn't join :pray:`,
  modalTitle: (_p: P) => 'New study session',
  modalSessionTitle: (_p: P) => 'Title',
  modalSessionTitleHint: (_p: P) => 'Add #tags to show its topics (e.g. Hiring market update #recruiting)',
  modalDate: (_p: P) => 'Date',
  modalTime: (_p: P) => 'Start time',
  modalMinutes: (_p: P) => 'Length (minutes)',
  modalHost: (_p: P) => 'Host',
  modalDescription: (_p: P) => 'Description and how to join (optional)',
  modalCapacity: (_p: P) => 'Capacity (optional)',
  modalCapacityHint: (_p: P) =>
    'Beyond the capacity people join a waiting list and move up in order when a spot frees.',
  modalSubmit: (_p: P) => 'Announce',
  modalCancel: (_p: P) => 'Cancel',
  homeHeader: (_p: P) => '*Upcoming study sessions*',
  homeEmpty: (_p: P) => 'No study sessions are planned. Start one with `/study`.',
  homeLine: (p: P) =>
    `• \`#${p.id}\` ${p.when} *${p.title}*${p.hosting ? ' (host)' : ''} — going ${p.going}${capacityPart(p)} · you: ${p.mine}`,
  digestLine: (p: P) => `Upcoming study sessions: ${p.n}`,
  icsStudySummary: (p: P) => `Study session: ${p.title}`,
  icsCancelledSummary: (p: P) => `[Cancelled] Study session: ${p.title}`,
  icsSessionSummary: (p: P) => `Career consultation session (${p.plan})`,
  icsHost: (p: P) => `Host: ${p.host}`,
};

export const studyErrorsEn: Record<keyof typeof studyErrorsJa, (p: P) => string> = {
  study_usage: (_p: P) =>
    'Write a date, a time and a title. Example: `/study add 12/10 20:00 90 Hiring market update #recruiting`',
  study_when_invalid: (p: P) =>
    `I could not read "${p.text}" as the date and time. Write the date, start time (and length) first, then the title: \`/study add 12/10 20:00 90 Title\`.`,
  study_in_past: (p: P) => `"${startOf(p, 'en')}" has already passed. Please choose a future date and time.`,
  study_length_invalid: (p: P) =>
    `A length of ${p.minutes} min is not possible. Use ${p.min}–${p.max} minutes.`,
  study_title_missing: (_p: P) =>
    'The title is missing. Example: `/study add 12/10 20:00 Hiring market update #recruiting`',
  study_title_too_long: (p: P) => `The title is too long (at most ${p.max} characters).`,
  study_description_too_long: (p: P) => `The description is too long (at most ${p.max} characters).`,
  study_capacity_invalid: (p: P) => `The capacity must be a whole number from 1 to ${p.max}.`,
  study_host_invalid: (_p: P) => 'Please choose a person as the host.',
  study_not_found: (p: P) => `Study session #${p.id} was not found. Check the ids with \`/study list\`.`,
  study_not_host: (p: P) => `Only the host and operators can change study session #${p.id}.`,
  study_cancelled: (p: P) => `Study session #${p.id} is cancelled, so answers are closed.`,
  study_closed: (p: P) => `Study session #${p.id} has already started, so answers can no longer change.`,
  study_channel_missing: (_p: P) =>
    'No channel is set up for announcing study sessions yet. Please tell an operator.',
  study_user_missing: (_p: P) => 'Name the member with `@name`. Example: `/study remove 12 @ken`',
};
