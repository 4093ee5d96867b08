/** The /consult modal: session date and time, plan, the client's theme, the question and expertise tags. */
import type { ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import { localDateOf } from '../../domain/calendar.js';
import { MAX_QUESTION, MAX_TOPIC } from '../../domain/consultForm.js';
import type { Plan } from '../../domain/plans.js';
import { KNOWN_TAGS, tagLabel } from '../../domain/tags.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { IDS } from '../ids.js';
import { inputBlock, option, plain } from './kit.js';

export const CONSULT_FIELDS = {
  date: 'session_date',
  time: 'session_time',
  plan: 'plan',
  topic: 'topic',
  question: 'question',
  tags: 'tags',
  extraTags: 'extra_tags',
} as const;

/**
 * What the modal opens with: a booked session (the booking DM's ask-peers button) fills in its time, plan and
 * topic; a message turned into a consultation (the message shortcut) fills in the question.
 */
export type ConsultPrefill = { startUtc?: string; plan?: Plan; topic?: string; question?: string };

export const buildConsultModal = (
  m: Messages,
  locale: Locale,
  zone: string,
  now: Date,
  channel?: string,
  prefill?: ConsultPrefill,
): ModalView => {
  const start = prefill?.startUtc
    ? DateTime.fromISO(prefill.startUtc, { zone: 'utc' }).setZone(zone)
    : undefined;
  const f = CONSULT_FIELDS;
  const planOption = (plan: string) => option(m.consult.planOption({ plan }), plan);
  const input = inputBlock;
  return {
    type: 'modal',
    callback_id: IDS.consultModal.callback,
    title: plain(m.consult.modalTitle({}), 24),
    submit: plain(m.consult.modalSubmit({}), 24),
    close: plain(m.consult.modalCancel({}), 24),
    private_metadata: JSON.stringify(channel ? { channel } : {}),
    blocks: [
      input(f.date, m.consult.modalDate({}), {
        type: 'datepicker',
        initial_date: start?.toISODate() ?? localDateOf(now, zone),
      }),
      input(f.time, m.consult.modalTime({}), {
        type: 'timepicker',
        initial_time: start?.toFormat('HH:mm') ?? '19:00',
        timezone: zone,
      }),
      input(f.plan, m.consult.modalPlan({}), {
        type: 'static_select',
        options: ['first', 'followup', 'light'].map(planOption),
        initial_option: planOption(prefill?.plan ?? 'followup'),
      }),
      {
        ...input(f.topic, m.consult.modalTopic({}), {
          type: 'plain_text_input',
          multiline: true,
          max_length: MAX_TOPIC,
          ...(prefill?.topic ? { initial_value: prefill.topic } : {}),
        }),
        hint: plain(m.consult.modalTopicHint({}), 2000),
      },
      input(f.question, m.consult.modalQuestion({}), {
        type: 'plain_text_input',
        multiline: true,
        max_length: MAX_QUESTION,
        ...(prefill?.question ? { initial_value: prefill.question } : {}),
      }),
      input(
        f.tags,
        m.consult.modalTags({}),
        {
          type: 'multi_static_select',
          options: KNOWN_TAGS.map((t) => option(tagLabel(t.tag, locale), t.tag)),
        },
        true,
      ),
      input(f.extraTags, m.consult.modalExtraTags({}), { type: 'plain_text_input', max_length: 200 }, true),
    ] as ModalView['blocks'],
  };
};
