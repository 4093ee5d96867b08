/**
 * The session DMs: "予約が入りました / New booking" (with a button to ask peers, which opens the /consult
 * modal filled in from the session) and the pre-session brief (the linked consultation's answers so far,
 * or the same button when there is none). Alias and topic are the client's words: escaped for mrkdwn.
 */
import type { KnownBlock } from '@slack/types';
import { formatSlotWhen } from '../../domain/calendar.js';
import type { Plan } from '../../domain/plans.js';
import type { Locale, Messages } from '../../i18n/index.js';
import { IDS } from '../ids.js';
import { button, escapeMrkdwn, section } from './kit.js';

export type SessionView = {
  m: Messages;
  locale: Locale;
  zone: string;
  now: Date;
  sessionId: number | null;
  startUtc: string;
  minutes: number;
  plan: Plan;
  alias: string;
  topic: string;
};

const details = (v: SessionView) => ({
  when: formatSlotWhen(v.startUtc, v.minutes, v.zone, v.locale, v.now),
  plan: v.plan,
  alias: escapeMrkdwn(v.alias),
  topic: escapeMrkdwn(v.topic),
});

const askPeersButton = (v: SessionView & { sessionId: number }) =>
  button(v.m.sessions.askPeers({}), IDS.actions.sessionAskPeers, String(v.sessionId), 'primary');

/** 代打を頼む / Ask for cover: posts the session's time and plan to the supporters' channel (cover.ts). */
export const coverButton = (v: SessionView & { sessionId: number }) =>
  button(v.m.sessions.coverButton({}), IDS.actions.sessionCover, String(v.sessionId));

/** The booking DM, with the buttons to ask peers and to ask for cover. */
export const bookingDm = (v: SessionView & { sessionId: number }): { text: string; blocks: KnownBlock[] } => {
  const text = v.m.sessions.bookingText(details(v));
  return {
    text,
    blocks: [
      section(text),
      section(v.m.sessions.bookingNext({})),
      { type: 'actions', elements: [askPeersButton(v), coverButton(v)] },
    ],
  };
};

/** The DM to whoever took a session over (代打): the session's details, with the ask-peers button. */
export const coverTakenDm = (
  v: SessionView & { sessionId: number },
  asker: string,
): { text: string; blocks: KnownBlock[] } => {
  const text = v.m.sessions.coverTakenByYou({ ...details(v), asker });
  return { text, blocks: [section(text), { type: 'actions', elements: [askPeersButton(v)] }] };
};

export type BriefConsultation = {
  id: number;
  replies: number;
  responders: readonly string[];
  link: string | undefined;
};

/** The last next step written for the same client (a follow-up's brief shows it). */
export type BriefNextStep = { text: string; startUtc: string; minutes: number };

/** The brief `hours` before the session. */
export const briefDm = (
  v: SessionView,
  hours: number,
  consultation: BriefConsultation | undefined,
  nextStep?: BriefNextStep,
): { text: string; blocks: KnownBlock[] } => {
  const main = v.m.sessions.briefText({ ...details(v), hours });
  const advice = consultation
    ? v.m.sessions.briefAnswers({
        id: consultation.id,
        count: consultation.replies,
        who: consultation.responders.map((u) => `<@${u}>`).join(', '),
        link: consultation.link ?? '',
      })
    : v.m.sessions.briefNoConsultation({});
  const last = nextStep
    ? v.m.writeups.lastNextStep({
        when: formatSlotWhen(nextStep.startUtc, nextStep.minutes, v.zone, v.locale, v.now),
        text: escapeMrkdwn(nextStep.text).replace(/\n/g, '\n>'),
      })
    : undefined;
  const text = [main, ...(last ? [last] : []), advice].join('\n');
  const ask =
    !consultation && v.sessionId !== null ? askPeersButton({ ...v, sessionId: v.sessionId }) : undefined;
  return {
    text,
    blocks: [
      section(main),
      ...(last ? [section(last)] : []),
      ask ? { ...section(advice), accessory: ask } : section(advice),
    ],
  };
};
