/** The /study modal: title, date and time, length, host (you by default), description and capacity. */
import type { ModalView } from '@slack/types';
import { localDateOf } from '../../domain/calendar.js';
import {
  DEFAULT_STUDY_MINUTES,
  MAX_STUDY_CAPACITY,
  MAX_STUDY_DESCRIPTION,
  MAX_STUDY_MINUTES,
  MAX_STUDY_TITLE,
  MIN_STUDY_MINUTES,
} from '../../domain/study.js';
import type { Messages } from '../../i18n/index.js';
import { inputBlock, plain } from './kit.js';
import { STUDY_IDS } from './studyPost.js';

/** Block ids of the modal's inputs; each input's action id is `value`. */
export const STUDY_FIELDS = {
  title: 'title',
  date: 'date',
  time: 'time',
  minutes: 'minutes',
  host: 'host',
  description: 'description',
  capacity: 'capacity',
} as const;

export type StudyModalMetadata = { channel?: string };

export const buildStudyModal = (
  m: Messages,
  opts: { zone: string; now: Date; userId: string; channel?: string },
): ModalView => {
  const f = STUDY_FIELDS;
  const input = inputBlock;
  const metadata: StudyModalMetadata = opts.channel ? { channel: opts.channel } : {};
  return {
    type: 'modal',
    callback_id: STUDY_IDS.modal.callback,
    title: plain(m.study.modalTitle({}), 24),
    submit: plain(m.study.modalSubmit({}), 24),
    close: plain(m.study.modalCancel({}), 24),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        ...input(f.title, m.study.modalSessionTitle({}), {
          type: 'plain_text_input',
          max_length: MAX_STUDY_TITLE + 100,
        }),
        hint: plain(m.study.modalSessionTitleHint({}), 2000),
      },
      input(f.date, m.study.modalDate({}), {
        type: 'datepicker',
        initial_date: localDateOf(opts.now, opts.zone),
      }),
      input(f.time, m.study.modalTime({}), {
        type: 'timepicker',
        initial_time: '20:00',
        timezone: opts.zone,
      }),
      input(f.minutes, m.study.modalMinutes({}), {
        type: 'number_input',
        is_decimal_allowed: false,
        initial_value: String(DEFAULT_STUDY_MINUTES),
        min_value: String(MIN_STUDY_MINUTES),
        max_value: String(MAX_STUDY_MINUTES),
      }),
      input(f.host, m.study.modalHost({}), { type: 'users_select', initial_user: opts.userId }),
      input(
        f.description,
        m.study.modalDescription({}),
        { type: 'plain_text_input', multiline: true, max_length: MAX_STUDY_DESCRIPTION },
        true,
      ),
      {
        ...input(
          f.capacity,
          m.study.modalCapacity({}),
          {
            type: 'number_input',
            is_decimal_allowed: false,
            min_value: '1',
            max_value: String(MAX_STUDY_CAPACITY),
          },
          true,
        ),
        hint: plain(m.study.modalCapacityHint({}), 2000),
      },
    ] as ModalView['blocks'],
  };
};
