/** The "add slots" modal: a month picker (this month and the next two) and a multi-line entry field. */
import type { ModalView } from '@slack/types';
import { addMonths } from '../../domain/calendar.js';
import type { Messages } from '../../i18n/index.js';
import { IDS } from '../ids.js';
import { option, plain } from './kit.js';

export type SlotsModalMetadata = { channel?: string; month?: string };

export const buildSlotsModal = (
  m: Messages,
  currentMonth: string,
  selected: string,
  metadata: SlotsModalMetadata,
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
        label: plain(m.slots.modalEntries({}), 2000),
        hint: plain(m.slots.modalEntriesHint({}), 2000),
        element: {
          type: 'plain_text_input',
          action_id: ids.entriesAction,
          multiline: true,
          max_length: 3000,
          placeholder: plain('12/3 19:00\n12/10 20:00 90', 150),
        },
      },
    ],
  };
};
