/** After the session (English): the outcome DM, `/writeup`, the write-up builder modal and its DMs. */
import type { writeupsErrorsJa } from '../ja/writeups.js';
import type { Messages } from '../types.js';

type P = Record<string, string | number>;

const OUTCOME_EN: Record<string, string> = {
  held: 'It took place',
  no_show: 'The client did not come',
  cancelled: 'It was cancelled',
};
const outcomeEn = (p: P) => OUTCOME_EN[String(p.outcome)] ?? String(p.outcome);
const PLAN_EN: Record<string, string> = { light: 'light', first: 'first', followup: 'follow-up' };
const aboutEn = (p: P) => `${PLAN_EN[String(p.plan)] ?? p.plan}${p.alias ? `, ${p.alias}` : ''}`;

export const writeupsEn: Messages['writeups'] = {
  help: [
    '*`/writeup` — the strengths write-up for your client* (まとめ)',
    '• `/writeup` — the write-ups you have not sent yet (with buttons to write them)',
    '• `/writeup <session id>` — write one (a template for the plan opens; save drafts as often as you like)',
    '• `/writeup done <session id>` — record that you sent it to the client',
    'Record how a session went with `/slots outcome <slot id> held|no_show|cancelled`.',
  ].join('\n'),
  outcome: outcomeEn,
  outcomeText: (p: P) =>
    `*Your session of ${p.when}* (${aboutEn(p)}) — thank you! How did it go? If you don't answer, it counts as held.`,
  outcomeHeld: (_p: P) => 'It took place',
  outcomeNoShow: (_p: P) => 'Client did not come',
  outcomeCancelled: (_p: P) => 'It was cancelled',
  outcomeChosen: (p: P) =>
    `*Your session of ${p.when}* (${aboutEn(p)}): recorded "${outcomeEn(p)}". ${
      p.outcome === 'held'
        ? 'Write the strengths write-up with the button below.'
        : 'No write-up or reminders needed. The slot still counts toward your quota.'
    }`,
  outcomeRecorded: (p: P) =>
    `Slot #${p.id} (${p.when}) is recorded as "${outcomeEn(p)}". ${
      p.outcome === 'held'
        ? `Write it up with \`/writeup ${p.session}\`.`
        : 'No write-up or reminders needed. The slot still counts toward your quota.'
    }`,
  digestNoShows: (p: P) => `No-shows in ${p.month}: ${p.n} (still counted as offered slots)`,
  writeButton: (_p: P) => 'Write it up',
  listHeader: (p: P) => `*Strengths write-ups — ${p.n} to send*`,
  listLine: (p: P) =>
    `\`#${p.id}\` ${p.when} (${aboutEn(p)})${p.finished ? ' — finished, not sent' : p.draft ? ' — draft saved' : ''}${p.overdue ? ' — :warning: overdue' : ''}`,
  listEmpty: (_p: P) => 'No write-ups waiting. Well done!',
  homeHeader: (_p: P) => '*Strengths write-ups to send*',
  homeEmpty: (_p: P) => 'No write-ups waiting.',
  draftMark: (_p: P) => 'draft',
  modalTitle: (_p: P) => 'Strengths write-up',
  modalSubmit: (_p: P) => 'Save',
  modalClose: (_p: P) => 'Close',
  modalIntro: (p: P) =>
    `*Your session of ${p.when}* (${aboutEn(p)})\nLook back on what you heard and put it into words that help your client take the next step.`,
  fieldStrength: (p: P) => `Strength ${p.n}`,
  fieldEpisode: (p: P) => `Strength ${p.n}: the episode (in the client's own words)`,
  fieldValues: (_p: P) => 'The values they care about',
  fieldNext: (_p: P) => 'Next step',
  fieldChanged: (_p: P) => 'What changed since the last next step',
  hintStrength: (_p: P) =>
    'Write a behaviour you saw (e.g. "went to talk to three companies on their own, unsure as they were"), not only a trait label like "diligent".',
  hintEpisode: (_p: P) => 'Quote what the client said, in quotation marks: it reaches them best.',
  hintValues: (_p: P) => 'What came up again and again, what decides their choices.',
  hintNext: (_p: P) => 'Small and concrete: what, by when (e.g. "draft the first CV entry this week").',
  hintChanged: (_p: P) => 'What they tried since the last next step, and what they noticed.',
  lastNextStep: (p: P) => `*Last next step* (${p.when}):\n>${p.text}`,
  noLastNextStep: (_p: P) => 'No earlier write-up for this client was found.',
  finishLabel: (_p: P) => 'Finish',
  finishOption: (_p: P) => 'Finished (DM me the text, ready to paste)',
  finishHint: (_p: P) => 'Save without ticking to keep a draft; continue any time with `/writeup`.',
  savedNote: (p: P) =>
    `:floppy_disk: Draft saved (${p.time}). Close this any time and continue with \`/writeup ${p.id}\`.`,
  piiWarning: (p: P) =>
    `:warning: This looks like personal data (${p.kind}: "${p.fragment}"). The client will receive this text: remove it unless it belongs there (it is saved).`,
  finishedText: (p: P) =>
    `*Your strengths write-up is ready* (${p.when}, ${aboutEn(p)})\nCopy it into the booking platform's message or an e-mail. Press the button once you have sent it.`,
  sentButton: (_p: P) => 'Sent',
  /** Replaces the buttons of a write-up reminder once 送った is clicked. */
  reminderSent: (_p: P) => 'Sent ✓',
  sentDone: (p: P) => `*Strengths write-up* (${p.when}, ${aboutEn(p)}): sent ✓`,
  docStrength: (p: P) => `■ Strength ${p.n}`,
  docValues: (_p: P) => '■ What you value',
  docNext: (_p: P) => '■ Next step',
  docChanged: (_p: P) => '■ Since last time',
  markedSent: (p: P) => `The write-up of session #${p.id} is recorded as sent. Thank you!`,
  alreadySent: (p: P) => `The write-up of session #${p.id} was already recorded as sent.`,
};

export const writeupsErrorsEn: Record<keyof typeof writeupsErrorsJa, (p: P) => string> = {
  outcome_invalid: (p: P) =>
    `"${p.value}" is not an outcome. Use held, no_show or cancelled (実施 / 不参加 / キャンセル).`,
  outcome_usage: (_p: P) =>
    'Usage: `/slots outcome <slot id> held|no_show|cancelled` (e.g. `/slots outcome 12 no_show`). Slot ids are in `/slots list`.',
  outcome_not_ended: (p: P) => `The session of slot #${p.id} has not started yet. Record it once it is over.`,
  writeup_not_owed: (p: P) =>
    `Session #${p.id} is recorded as "${outcomeEn(p)}", so no write-up is needed. If it did take place, fix it with \`/slots outcome ${p.slot} held\`.`,
  writeup_not_started: (p: P) => `Session #${p.id} has not started yet. Write it up once it is over.`,
  writeup_fields_missing: (p: P) =>
    `To finish, fill in: ${p.fields}. A draft can be saved with fields left empty.`,
  writeup_usage: (_p: P) =>
    'Give the session id, e.g. `/writeup 12` or `/writeup done 12` (ids are in the `/writeup` list).',
};
