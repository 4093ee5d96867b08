import type { Messages } from '../types.js';

type P = Record<string, string | number>;

export const consultEn: Messages['consult'] = {
  postHeader: (p: P) => `Consultation #${p.id} · ${p.when} ${p.plan}`,
  postAsker: (p: P) => `<@${p.user}> asks for advice before a session.`,
  topicLabel: (_p: P) => "*The client's theme*",
  questionLabel: (_p: P) => '*The question*',
  tagsLabel: (p: P) => `Expertise wanted: ${p.tags}`,
  sessionAt: (p: P) => `Session: ${p.when}`,
  replyInThread: (_p: P) => 'Answer in the thread — someone always answers.',
  resolveButton: (_p: P) => '解決した / Resolved',
  resolvedMark: (p: P) => `:white_check_mark: Resolved (<@${p.user}>)`,
  posted: (p: P) =>
    `Consultation #${p.id} is posted: ${p.link ? `<${p.link}|open the thread>` : `<#${p.channel}>`}. Answers arrive in its thread.`,
  slotCreated: (p: P) =>
    `You had no slot at that time, so I created booked slot #${p.slot} (${p.when}); it counts toward your ${p.month} quota.`,
  slotBooked: (p: P) => `Your open slot #${p.slot} (${p.when}) is now booked.`,
  slotLinked: (p: P) => `Recorded as the session of your booked slot #${p.slot} (${p.when}).`,
  slotResized: (p: P) => `Slot #${p.slot} now lasts ${p.to} min instead of ${p.from}, as the plan does.`,
  resolved: (p: P) => `Consultation #${p.id} is resolved. Thank the peers who answered!`,
  alreadyResolved: (p: P) => `Consultation #${p.id} was already resolved.`,
  writeupDone: (p: P) => `The strengths write-up for consultation #${p.id} is marked as sent. Well done!`,
  writeupAlready: (p: P) => `The write-up for consultation #${p.id} was already marked as sent.`,
  modalTitle: (_p: P) => 'Ask your peers',
  modalDate: (_p: P) => 'Session date',
  modalTime: (_p: P) => 'Start time',
  modalPlan: (_p: P) => 'Plan',
  modalTopic: (_p: P) => "The client's theme",
  modalTopicHint: (_p: P) => 'No personal data (names, e-mail addresses, phone numbers…).',
  modalQuestion: (_p: P) => 'What you would like advice on',
  modalTags: (_p: P) => 'Expertise wanted',
  modalExtraTags: (_p: P) => 'Other expertise (optional, separated by spaces)',
  modalSubmit: (_p: P) => 'Post',
  modalCancel: (_p: P) => 'Cancel',
  planOption: (p: P) =>
    ({ light: 'Light (45 min)', first: 'First (90 min)', followup: 'Follow-up (60 min)' })[String(p.plan)] ??
    '',
};

export const consultErrorsEn = {};
