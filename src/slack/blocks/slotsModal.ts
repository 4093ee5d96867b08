/**
 * The "add slots" modal: a month picker (this month and the next two; it scopes `3日`, `毎週火曜`, `第2土曜`),
 * a multi-line entry field, and a preview of what will be stored (slotsPreview.ts keeps it current).
 *
 * Both inputs set `dispatch_action: true` so that Slack sends block_actions while the user is still in the
 * modal (https://api.slack.com/reference/block-kit/blocks#input). The entry field asks for them on every
 * character (`dispatch_action_config.trigger_actions_on: ['on_character_entered']`,
 * https://api.slack.com/reference/block-kit/composition-objects#dispatch_action_config): in a multiline
 * input Enter types a newline, so `on_enter_pressed` would never show the preview of what was typed.
 */
import type { ModalView } from '@slack/types';
import { addMonths } from '../../domain/calendar.js';
import type { Messages } from '../../i18n/index.js';
import { IDS } from '../ids.js';
import { mrkdwn, option, plain } from './kit.js';

export type SlotsModalMetadata = { channel?: string; month?: string };

export const buildSlotsModal = (
  m: Messages,
  currentMonth: string,
  selected: string,
  metadata: SlotsModalMetadata,
  /** mrkdwn of what will be stored (listeners/actions/slotsPreview.ts); until then, how to get it. */
  preview?: string,
): ModalView => {
  const months = [0, 1, 2].map((n) => addMonths(currentMonth, n));
  const monthOption = (month: string) => option(m.slots.monthLabel({ month }), month);
  const ids = IDS.slotsModal;
  return {
    type: 'modal',
    callback_id: ids.callback,
    title: plain(m.slots.modalTitle({}), 24),
    submit: plain(m.slots.modalSubmit({}), 24),
    close: plain(m.slots.modalCancel({}), 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: ids.monthBlock,
        dispatch_action: true,
        label: plain(m.slots.modalMonth({}), 2000),
        element: {
          type: 'static_select',
          action_id: ids.monthAction,
          options: months.map(monthOption),
          initial_option: monthOption(months.includes(selected) ? selected : currentMonth),
        },
      },
      {
        type: 'input',
        block_id: ids.entriesBlock,
        dispatch_action: true,
        label: plain(m.slots.modalEntries({}), 2000),
        hint: plain(m.slots.modalEntriesHint({}), 2000),
        element: {
          type: 'plain_text_input',
          action_id: ids.entriesAction,
          multiline: true,
          max_length: 3000,
          placeholder: plain('12/3 19:00\n12/10 20:00 90', 150),
          dispatch_action_config: { trigger_actions_on: ['on_character_entered'] },
        },
      },
      {
        type: 'context',
        block_id: ids.previewBlock,
        elements: [mrkdwn(preview ?? m.slots.previewEmpty({}))],
      },
    ],
  };
};
