/** The advice-channel post of a consultation (and its resolved form after chat.update). */
import type { KnownBlock } from '@slack/types';
import type { Consultation } from '../../db/schema.js';
import { formatSlotWhen } from '../../domain/calendar.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { slackDate } from '../format/slackDate.js';
import { IDS } from '../ids.js';
import { button, escapeMrkdwn, mrkdwn, section, truncate } from './kit.js';

export type PostView = {
  m: Messages;
  locale: Locale;
  zone: string;
  now: Date;
  consultation: Pick<
    Consultation,
    'id' | 'supporter_id' | 'session_start' | 'plan' | 'topic' | 'question' | 'status'
  >;
  minutes: number;
  tags: string[];
};

/** The session's start as a Slack date token: current for every reader, whenever they read it. */
const sessionAt = (v: PostView): string =>
  v.m.consult.sessionAt({ when: slackDate(v.consultation.session_start, v.zone, v.locale, v.now) });

export const consultPostText = (v: PostView): string =>
  `${v.m.consult.postHeader({ id: v.consultation.id, when: whenOf(v), plan: planOf(v) })}\n${escapeMrkdwn(truncate(v.consultation.question, 300))}`;

const whenOf = (v: PostView) =>
  formatSlotWhen(v.consultation.session_start, v.minutes, v.zone, v.locale, v.now);
const planOf = (v: PostView) => v.m.consult.planOption({ plan: v.consultation.plan });

export const buildConsultPost = (v: PostView): KnownBlock[] => {
  const { m, consultation: c } = v;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(m.consult.postHeader({ id: c.id, when: whenOf(v), plan: planOf(v) }), 150),
      },
    },
    section(m.consult.postAsker({ user: c.supporter_id })),
  ];
  // The topic, question and tags are the supporter's own words: escaped, never a mention or a link.
  if (c.topic.trim()) blocks.push(section(`${m.consult.topicLabel({})}\n${escapeMrkdwn(c.topic)}`));
  blocks.push(section(`${m.consult.questionLabel({})}\n${escapeMrkdwn(c.question)}`));
  const context = [sessionAt(v)];
  if (v.tags.length)
    context.unshift(m.consult.tagsLabel({ tags: v.tags.map((t) => `#${escapeMrkdwn(t)}`).join(' ') }));
  blocks.push({ type: 'context', elements: context.map((t) => mrkdwn(t)) });
  if (c.status === 'resolved') {
    blocks.push(section(m.consult.resolvedMark({ user: c.supporter_id })));
  } else {
    blocks.push({
      type: 'actions',
      block_id: `consult_${c.id}`,
      elements: [
        button(m.consult.resolveButton({}), IDS.actions.resolveConsultation, String(c.id), 'primary'),
      ],
    });
    blocks.push({ type: 'context', elements: [mrkdwn(m.consult.replyInThread({}))] });
  }
  return blocks;
};
