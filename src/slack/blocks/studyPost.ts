/** The announcement post of a study session (勉強会) with its RSVP buttons, and its cancelled form. */
import type { KnownBlock } from '@slack/types';
import type { StudyRsvp, StudySession } from '../../db/schema.js';
import { formatSlotWhen } from '../../domain/calendar.js';
import { parseTags, type RsvpAnswer, type RsvpCounts } from '../../domain/study.js';
import { tagLabel } from '../../domain/tags.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { button, escapeMrkdwn, mrkdwn, section, truncate } from './kit.js';

/** The study feature's action ids (one per RSVP answer); the value is the session id. */
export const STUDY_IDS = {
  rsvp: {
    going: 'study_rsvp_going',
    not_going: 'study_rsvp_not_going',
    maybe: 'study_rsvp_maybe',
  } satisfies Record<RsvpAnswer, string>,
  modal: { callback: 'study_modal' },
} as const;

export const MAX_NAMES_SHOWN = 20;

export type StudyPostView = {
  m: Messages;
  locale: Locale;
  zone: string;
  now: Date;
  session: StudySession;
  rsvps: StudyRsvp[];
  counts: RsvpCounts;
};

export const studyWhen = (
  v: { zone: string; locale: Locale; now: Date },
  s: Pick<StudySession, 'start_at' | 'minutes'>,
): string => formatSlotWhen(s.start_at, s.minutes, v.zone, v.locale, v.now);

const headerOf = (v: StudyPostView): string => {
  const p = { id: v.session.id, when: studyWhen(v, v.session) };
  return v.session.status === 'cancelled' ? v.m.study.postCancelledHeader(p) : v.m.study.postHeader(p);
};

export const studyPostText = (v: StudyPostView): string =>
  `${headerOf(v)}\n${escapeMrkdwn(truncate(v.session.title, 300))}`;

const names = (v: StudyPostView, ids: string[]): string => {
  const shown = ids.slice(0, MAX_NAMES_SHOWN).map((id) => `<@${id}>`);
  if (ids.length > shown.length) shown.push(v.m.study.postMore({ n: ids.length - shown.length }));
  return shown.join(' ');
};

export const buildStudyPost = (v: StudyPostView): KnownBlock[] => {
  const { m, session: s } = v;
  const capacity = s.capacity ?? 0;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(headerOf(v), 150), emoji: true } },
    section(
      [
        m.study.postTitle({ title: escapeMrkdwn(s.title) }),
        [
          m.study.postHost({ user: s.host_id }),
          m.study.postLength({ minutes: s.minutes }),
          m.study.postCapacity({ capacity }),
        ].join(' ・ '),
      ].join('\n'),
    ),
  ];
  if (s.description.trim()) blocks.push(section(escapeMrkdwn(s.description)));
  const tags = parseTags(s.tags);
  if (tags.length) {
    const labels = tags.map((t) => `#${escapeMrkdwn(tagLabel(t, v.locale))}`).join(' ');
    blocks.push({ type: 'context', elements: [mrkdwn(m.study.postTags({ tags: labels }))] });
  }
  if (s.status === 'cancelled') {
    blocks.push(section(m.study.postCancelled({})));
    return blocks;
  }
  blocks.push(section(m.study.postCounts({ ...v.counts, capacity })));
  const going = v.rsvps.filter((r) => r.answer === 'going' && r.waitlisted === 0).map((r) => r.user_id);
  const waiting = v.rsvps.filter((r) => r.answer === 'going' && r.waitlisted === 1).map((r) => r.user_id);
  const lists = [
    ...(going.length ? [m.study.postGoing({ users: names(v, going) })] : []),
    ...(waiting.length ? [m.study.postWaiting({ users: names(v, waiting) })] : []),
  ];
  if (lists.length) blocks.push({ type: 'context', elements: lists.map((t) => mrkdwn(t)) });
  if (Date.parse(s.start_at) <= v.now.getTime()) {
    blocks.push({ type: 'context', elements: [mrkdwn(m.study.postStarted({}))] });
    return blocks;
  }
  const id = String(s.id);
  blocks.push({
    type: 'actions',
    block_id: `study_${s.id}`,
    elements: [
      button(m.study.buttonGoing({}), STUDY_IDS.rsvp.going, id, 'primary'),
      button(m.study.buttonNotGoing({}), STUDY_IDS.rsvp.not_going, id),
      button(m.study.buttonMaybe({}), STUDY_IDS.rsvp.maybe, id),
    ],
  });
  return blocks;
};
