/**
 * The operator digest as Block Kit, within Slack's limits at any community size: long lists are cut
 * with a pointer to the full export, every section stays under 3,000 characters, well under 50 blocks.
 */
import type { KnownBlock } from '@slack/types';
import { formatLocalDay, formatSlotWhen } from '../../domain/calendar.js';
import type { Messages } from '../../i18n/index.js';
import { DIGEST_BELOW_LISTED, DIGEST_LISTED, type DigestData } from '../../usecases/digest.js';
import type { Audience } from '../format/slots.js';
import { divider, mrkdwn, section, truncate } from './kit.js';

const listSection = (header: string, lines: string[], more: string | undefined, none: string): KnownBlock =>
  section([header, ...(lines.length ? lines : [none]), ...(more ? [more] : [])].join('\n'));

const duration = (j: Messages['jobs'], minutes: number | undefined) =>
  minutes === undefined
    ? j.digestMedianNone({})
    : j.digestHours({ h: Math.floor(minutes / 60), m: minutes % 60 });

/** Answer speed over the last 30 days and the consultations escalated to the operators (ids, links; no text). */
const ladderSections = (
  j: Messages['jobs'],
  data: DigestData,
  links: ReadonlyMap<number, string>,
): KnownBlock[] => {
  if (!data.escalated) return [];
  const shown = data.escalated.slice(0, DIGEST_LISTED);
  const ids = shown.map((c) => (links.get(c.id) ? `<${links.get(c.id)}|#${c.id}>` : `#${c.id}`)).join(' ');
  return [
    section(
      [
        j.digestLadderHeader({ median: duration(j, data.medianFirstAnswerMinutes) }),
        j.digestStage3Header({ n: data.escalated.length }),
        ids || j.digestNone({}),
        ...(data.escalated.length > shown.length ? [`…+${data.escalated.length - shown.length}`] : []),
      ].join('\n'),
    ),
  ];
};

export const buildDigest = (
  a: Audience,
  data: DigestData,
  links: ReadonlyMap<number, string>,
): { text: string; blocks: KnownBlock[] } => {
  const m: Messages = a.m;
  const j = m.jobs;
  const date = formatLocalDay(a.now, a.zone, a.locale);
  const capacity = j.digestCapacity({
    month: data.month,
    offered: data.offered,
    needed: data.needed,
    active: data.active,
    quota: data.quota,
  });
  const below = data.below.slice(0, DIGEST_BELOW_LISTED);
  const unanswered = data.unanswered.slice(0, DIGEST_LISTED);
  const overdue = data.overdue.slice(0, DIGEST_LISTED);
  const { overdueCount } = data;
  const when = (start: string, minutes: number) => formatSlotWhen(start, minutes, a.zone, a.locale, a.now);
  const moreOf = (total: number, shown: number, month = data.month) =>
    total > shown ? j.digestMore({ n: total - shown, month }) : undefined;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(j.digestHeader({ date }), 150) } },
    section(capacity),
    { type: 'context', elements: [mrkdwn(j.digestExcused({ n: data.excused }))] },
    divider(),
    listSection(
      j.digestBelowHeader({ n: data.belowCount }),
      [
        below
          .map((s) => j.digestBelowLine({ user: s.supporterId, count: s.count, quota: s.quota }))
          .join('、'),
      ].filter(Boolean),
      moreOf(data.belowCount, below.length),
      j.digestNone({}),
    ),
    listSection(
      j.digestUnansweredHeader({ n: data.unanswered.length }),
      unanswered.map((c) =>
        j.digestUnansweredLine({
          link: links.get(c.id) ? `<${links.get(c.id)}|#${c.id}>` : `#${c.id}`,
          user: c.supporter_id,
          when: when(c.session_start, 60).replace(/–\d{2}:\d{2}$/, ''),
        }),
      ),
      data.unanswered.length > unanswered.length
        ? `…+${data.unanswered.length - unanswered.length}`
        : undefined,
      j.digestNone({}),
    ),
    listSection(
      j.digestOverdueHeader({ n: overdueCount }),
      overdue.map((s) => j.digestOverdueLine({ user: s.supporter_id, when: when(s.start_at, s.minutes) })),
      overdueCount > overdue.length ? `…+${overdueCount - overdue.length}` : undefined,
      j.digestNone({}),
    ),
    ...(data.noShows === undefined
      ? []
      : [
          {
            type: 'context' as const,
            elements: [mrkdwn(m.writeups.digestNoShows({ month: data.month, n: data.noShows }))],
          },
        ]),
    ...ladderSections(j, data, links),
    ...(data.studyUpcoming === undefined
      ? []
      : [{ type: 'context' as const, elements: [mrkdwn(m.study.digestLine({ n: data.studyUpcoming }))] }]),
  ];
  const text = [j.digestHeader({ date }), capacity, j.digestBelowHeader({ n: data.belowCount })].join('\n');
  return { text, blocks };
};
