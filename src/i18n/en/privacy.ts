import type { Messages } from '../types.js';

type P = Record<string, string | number>;

/** The kinds of personal data the guard finds (domain/pii.ts PiiKind), as the reader says them. */
export const PII_EN: Record<string, string> = {
  email: 'e-mail address',
  phone: 'phone number',
  postal: 'postal code',
  social_url: 'social profile URL',
  person_name: "a person's name",
};

export const privacyEn: Messages['privacy'] = {
  retentionNotice: (p: P) =>
    `The consultation details in this message were deleted after the ${p.days}-day retention period.`,
  erasedNotice: (_p: P) => 'The consultation details in this message were deleted on request.',
  homeHeader: (_p: P) => '*About clients’ information*',
  homeNotice: (p: P) =>
    [
      '• What is stored: consultation topics and questions, booking aliases (like “Client A”) and topics, who answered and how often. Contact details and real names are refused.',
      `• How long: the text is deleted *${p.days} days* after the session (the bot’s Slack posts and DMs are rewritten too).`,
      '• Who sees it: consultations, the advice channel’s members; bookings and briefs, only the supporter of the slot.',
      '• To have something deleted: ask an operator. It is deleted right away and the deletion is logged.',
    ].join('\n'),
  eraseUsage: (_p: P) =>
    'Usage: `/supporter erase consultation <id>` / `session <id>` / `supporter @user` (add `dry-run` to only check)',
  eraseNothing: (_p: P) => 'Nothing matched. Please check the number.',
  eraseDone: (p: P) =>
    `Deleted: ${p.consultations} consultation(s), ${p.sessions} booking(s). ${p.messages} Slack message(s) to rewrite (${p.rewritten} done). Logged.`,
  erasePlanned: (p: P) =>
    `Check only (nothing deleted yet): ${p.consultations} consultation(s), ${p.sessions} booking(s), ${p.messages} Slack message(s) to rewrite. Run it again without \`dry-run\` to delete.`,
  replyWarning: (p: P) =>
    `This reply seems to contain personal data (${PII_EN[String(p.kind)] ?? p.kind}). Please keep anything that could identify a client out of the thread: use “…” on your message, then “Edit message” to change it or “Delete message” to remove it.`,
  replyOperatorNotice: (p: P) =>
    `A reply by <@${p.user}> in the advice channel seems to contain personal data (${PII_EN[String(p.kind)] ?? p.kind}; they were asked to edit or delete it): ${p.link}`,
};
