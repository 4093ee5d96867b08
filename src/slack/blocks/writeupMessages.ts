/**
 * The messages after a session: the outcome DM (実施した / 相談者が来なかった / キャンセルになった) and what
 * a click turns it into, the finished write-up DM with its 送った button and what that turns into, the
 * `/writeup` list and the Home tab's section. Pure builders; user text is escaped here.
 */
import type { KnownBlock } from '@slack/types';
import type { Outcome } from '../../domain/outcomes.js';
import type { Plan } from '../../domain/plans.js';
import type { PendingWriteup } from '../../usecases/writeupBuilder.js';
import { type Audience, slotWhen } from '../format/slots.js';
import { IDS } from '../ids.js';
import { button, divider, escapeMrkdwn, mrkdwn, SECTION_TEXT_MAX, section } from './kit.js';
import { aboutSession, WRITEUP_IDS } from './writeupModal.js';

type SessionLike = { start_at: string; minutes: number; plan: Plan; client_alias: string };

const writeButton = (a: Audience, sessionId: number | null) =>
  button(a.m.writeups.writeButton({}), WRITEUP_IDS.open, String(sessionId ?? ''), 'primary');

/** The question after the session; the buttons carry the slot id (the same as `/slots outcome`). */
export const outcomeDm = (
  a: Audience,
  q: { slotId: number; sessionId: number | null } & SessionLike,
): { text: string; blocks: KnownBlock[] } => {
  const w = a.m.writeups;
  const text = w.outcomeText(aboutSession(a, q));
  const id = String(q.slotId);
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          button(w.outcomeHeld({}), WRITEUP_IDS.outcome.held, id, 'primary'),
          button(w.outcomeNoShow({}), WRITEUP_IDS.outcome.no_show, id),
          button(w.outcomeCancelled({}), WRITEUP_IDS.outcome.cancelled, id),
          ...(q.sessionId === null ? [] : [button(w.writeButton({}), WRITEUP_IDS.open, String(q.sessionId))]),
        ],
      },
    ],
  };
};

/** The outcome DM once answered: the choice, and for a held session the まとめを書く button. */
export const outcomeChosen = (
  a: Audience,
  s: { id: number; outcome: Outcome } & SessionLike,
): { text: string; blocks: KnownBlock[] } => {
  const text = a.m.writeups.outcomeChosen({ ...aboutSession(a, s), outcome: s.outcome });
  return {
    text,
    blocks: [
      section(text),
      ...(s.outcome === 'held' ? [{ type: 'actions' as const, elements: [writeButton(a, s.id)] }] : []),
    ],
  };
};

/** Text in ``` sections of at most 3,000 characters, split at paragraph or line breaks where it can. */
const codeSections = (text: string): KnownBlock[] => {
  const room = SECTION_TEXT_MAX - 8;
  const chunks: string[] = [];
  let rest = escapeMrkdwn(text);
  while (rest.length > room) {
    const cut = Math.max(rest.lastIndexOf('\n\n', room), rest.lastIndexOf('\n', room));
    const at = cut > room / 2 ? cut : room;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  if (rest) chunks.push(rest);
  return chunks.map((c) => section(`\`\`\`${c}\`\`\``));
};

/** The finished write-up, ready to paste, with 送った (`sent` true: the button replaced by "送付済み ✓"). */
export const finishedDm = (
  a: Audience,
  s: { id: number; writeup_text: string | null } & SessionLike,
  opts: { sent?: boolean; warnings?: readonly string[] } = {},
): { text: string; blocks: KnownBlock[] } => {
  const w = a.m.writeups;
  const about = aboutSession(a, s);
  const head = opts.sent ? w.sentDone(about) : w.finishedText(about);
  const doc = s.writeup_text ?? '';
  return {
    text: `${head}\n\n${doc}`,
    blocks: [
      section(head),
      ...(opts.warnings ?? []).map((t) => ({ type: 'context' as const, elements: [mrkdwn(t)] })),
      ...codeSections(doc),
      opts.sent
        ? { type: 'context', elements: [mrkdwn(w.sentDone(about))] }
        : {
            type: 'actions',
            elements: [button(w.sentButton({}), WRITEUP_IDS.sent, String(s.id), 'primary')],
          },
    ],
  };
};

const MAX_LISTED = 10;

const lineOf = (a: Audience, p: PendingWriteup) =>
  a.m.writeups.listLine({
    id: p.sessionId,
    when: slotWhen(a, { start_at: p.startUtc, minutes: p.minutes }),
    plan: p.plan,
    alias: escapeMrkdwn(p.alias),
    ...(p.draft ? { draft: 1 } : {}),
    ...(p.finished ? { finished: 1 } : {}),
    ...(p.overdue ? { overdue: 1 } : {}),
  });

/** `/writeup`: the pending write-ups, each with まとめを書く (at most 10 named, then a count). */
export const writeupListBlocks = (a: Audience, items: readonly PendingWriteup[]): KnownBlock[] => {
  const w = a.m.writeups;
  if (!items.length) return [section(w.listEmpty({}))];
  return [
    section(w.listHeader({ n: items.length })),
    ...items
      .slice(0, MAX_LISTED)
      .map((p) => ({ ...section(lineOf(a, p)), accessory: writeButton(a, p.sessionId) })),
    ...(items.length > MAX_LISTED ? [section(`…+${items.length - MAX_LISTED}`)] : []),
  ];
};

export const writeupListText = (a: Audience, items: readonly PendingWriteup[]): string =>
  items.length
    ? [
        a.m.writeups.listHeader({ n: items.length }),
        ...items.slice(0, MAX_LISTED).map((p) => `• ${lineOf(a, p)}`),
      ].join('\n')
    : a.m.writeups.listEmpty({});

/**
 * The Home tab's write-up section: each pending one with まとめを書く and 送った, drafts marked as drafts.
 * At most 5 named (two blocks each), so the Home stays far under its 100 blocks.
 */
export const homeWriteupBlocks = (a: Audience, items: readonly PendingWriteup[]): KnownBlock[] => {
  const w = a.m.writeups;
  const listed = items.slice(0, 5);
  return [
    divider(),
    section(w.homeHeader({})),
    ...(listed.length
      ? listed.flatMap((p): KnownBlock[] => [
          section(
            `• ${a.m.home.pendingLine({ when: slotWhen(a, { start_at: p.startUtc, minutes: p.minutes }), ...(p.overdue ? { overdue: 1 } : {}) })}${p.alias ? `（${escapeMrkdwn(p.alias)}）` : ''}${p.draft ? ` — _${w.draftMark({})}_` : ''}`,
          ),
          {
            type: 'actions',
            elements: [
              writeButton(a, p.sessionId),
              button(a.m.home.writeupDone({}), IDS.actions.writeupDone, String(p.slotId)),
            ],
          },
        ])
      : [section(w.homeEmpty({}))]),
    ...(items.length > listed.length ? [section(`…+${items.length - listed.length} — \`/writeup\``)] : []),
  ];
};
