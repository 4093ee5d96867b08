/** The reminder DMs of the jobs: below quota (with a button to the slots modal), write-up pending. */
import type { KnownBlock } from '@slack/types';
import type { Messages } from '../../i18n/index.js';
import { IDS } from '../ids.js';
import { button, section } from './kit.js';
import { WRITEUP_IDS } from './writeupModal.js';

/** A suggested weekly pattern, pasteable as is, and a note on it (the days it clashes with the main job). */
export type QuotaIdea = { text: string; note?: string };

/** `text` (the count and what is missing), suggested weekly patterns, the slots-modal button, a hint. */
export const quotaReminderBlocks = (
  m: Messages,
  text: string,
  ideas: readonly QuotaIdea[],
  month: string,
): KnownBlock[] => [
  section(text),
  ...(ideas.length
    ? [
        section(
          `${m.jobs.quotaSuggest({})}\n${ideas.map((i) => `• \`${i.text}\`${i.note ? ` ${i.note}` : ''}`).join('\n')}`,
        ),
      ]
    : []),
  {
    type: 'actions',
    elements: [button(m.jobs.quotaButton({}), IDS.actions.openSlotsModal, month, 'primary')],
  },
  { type: 'context', elements: [{ type: 'mrkdwn', text: m.jobs.quotaAwayHint({ month }) }] },
];

/**
 * `text` with a button recording the write-up of slot `slotId` as sent, and (when the session has its
 * record) one opening the write-up builder.
 */
export const writeupReminderBlocks = (
  m: Messages,
  text: string,
  slotId: number,
  sessionId: number | null = null,
): KnownBlock[] => [
  {
    ...section(text),
    accessory: button(m.jobs.writeupButton({}), IDS.actions.writeupDone, String(slotId)),
  },
  ...(sessionId === null
    ? []
    : [
        {
          type: 'actions' as const,
          elements: [button(m.writeups.writeButton({}), WRITEUP_IDS.open, String(sessionId), 'primary')],
        },
      ]),
];
