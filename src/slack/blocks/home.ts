/**
 * The App Home view: quota progress for this and next month, this week's sessions with how ready each is
 * (brief sent, answers to the consultation, cover) and buttons to ask peers or for cover, upcoming
 * sessions, write-ups to send and the upcoming study sessions (勉強会) with one's own answer.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import { progressBar } from '../../domain/quota.js';
import type { HomeData, WeekSession } from '../../usecases/homeData.js';
import { type Audience, slotWhen, standingLine } from '../format/slots.js';
import { IDS } from '../ids.js';
import { button, divider, escapeMrkdwn, mrkdwn, section } from './kit.js';
import { studyWhen } from './studyPost.js';
import { homeWriteupBlocks } from './writeupMessages.js';

const MAX_LISTED = 10;

/** One session of this week: its line, then the buttons (ask peers; cover unless already asked). */
const weekBlocks = (a: Audience, w: WeekSession): KnownBlock[] => {
  const { m } = a;
  const line = m.home.weekLine({
    when: slotWhen(a, { start_at: w.startUtc, minutes: w.minutes }),
    plan: m.sessions.plan({ plan: w.plan }),
    id: w.slotId,
    ...(w.briefed ? { briefed: 1 } : {}),
    ...(w.consultation ? { consultation: w.consultation.id, answers: w.consultation.replies } : {}),
    ...(w.coverOpen ? { cover: 1 } : {}),
  });
  const value = String(w.sessionId);
  const buttons = [
    button(m.sessions.askPeers({}), IDS.actions.sessionAskPeers, value),
    ...(w.coverOpen ? [] : [button(m.sessions.coverButton({}), IDS.actions.sessionCover, value)]),
  ];
  return [section(line), { type: 'actions', elements: buttons }];
};

/** The calendar-feed link (`/supporter calendar`) and the main-job calendar slots are checked against. */
const calendarBlocks = (a: Audience, data: Pick<HomeData, 'calendarUrl' | 'busyHint'>): KnownBlock[] => {
  const lines = [
    ...(data.calendarUrl ? [a.m.calendar.homeLine({ url: data.calendarUrl })] : []),
    ...(data.busyHint ? [a.m.busy.homeLine({ hint: escapeMrkdwn(data.busyHint) })] : []),
  ];
  return lines.map((line) => ({ type: 'context', elements: [mrkdwn(line)] }));
};

export const buildHomeView = (a: Audience, data: HomeData): HomeView => {
  const { m } = a;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: m.home.title({}) } },
    { type: 'context', elements: [mrkdwn(data.member ? m.home.intro({}) : m.home.notMember({}))] },
    section(m.home.progressHeader({})),
    ...data.standings.map((s) => section(`${progressBar(s.count, s.quota)}  ${standingLine(a, s)}`)),
    {
      type: 'actions',
      elements: [
        button(m.home.addSlots({}), IDS.actions.openSlotsModal, data.nextMonth, 'primary'),
        // Already away next month: offer to take it back, not to set it again.
        data.standings.some((s) => s.month === data.nextMonth && s.away)
          ? button(m.home.unsetAwayNext({ month: data.nextMonth }), IDS.actions.unsetAway, data.nextMonth)
          : button(m.home.setAwayNext({ month: data.nextMonth }), IDS.actions.setAway, data.nextMonth),
      ],
    },
    divider(),
    section(m.home.weekHeader({})),
    ...(data.week?.length
      ? data.week.slice(0, MAX_LISTED).flatMap((w) => weekBlocks(a, w))
      : [section(m.home.weekNone({}))]),
    divider(),
    section(m.home.upcomingHeader({})),
    ...(data.upcoming.length
      ? [
          section(
            data.upcoming
              .slice(0, MAX_LISTED)
              .map((s) => `• \`#${s.id}\` ${slotWhen(a, s)}`)
              .join('\n'),
          ),
        ]
      : [section(m.home.noUpcoming({}))]),
    ...homeWriteupBlocks(a, data.pending),
    ...calendarBlocks(a, data),
    divider(),
    section(m.study.homeHeader({})),
    section(
      data.study?.length
        ? data.study
            .map(({ session: s, counts, mine, hosting }) =>
              m.study.homeLine({
                id: s.id,
                when: studyWhen(a, s),
                title: escapeMrkdwn(s.title),
                going: counts.going,
                capacity: s.capacity ?? 0,
                mine: m.study.answer({ answer: mine }),
                ...(hosting ? { hosting: 1 } : {}),
              }),
            )
            .join('\n')
        : m.study.homeEmpty({}),
    ),
  ];
  return { type: 'home', blocks };
};
