/// <reference lib="dom" />
/**
 * The message list of a conversation, the thread panel, and one message (bot, person or ephemeral).
 * Hovering a message shows Slack's small toolbar: reply in thread and "…" (more actions), which lists the
 * app's message shortcuts (Slack offers them on any message but an ephemeral one).
 */
import { blocksOf } from '../shared/ids.js';
import type {
  ActionSource,
  RawValue,
  Snapshot,
  SnapshotEphemeral,
  SnapshotMessage,
  SnapshotShortcut,
  SnapshotUser,
} from '../shared/types.js';
import { renderBlocks } from './blockkit.js';
import { h } from './dom.js';
import type { Strings } from './i18n.js';
import { icon } from './icons.js';
import { openMenu } from './menu.js';
import { mrkdwn, type Names } from './mrkdwn.js';

export type MessageContext = {
  snap: Snapshot;
  user: string;
  s: Strings;
  names: Names;
  hidden: Set<number>;
  openThread: (channel: string, ts: string) => void;
  dismiss: (id: number) => void;
  action: (source: ActionSource, blockId: string, actionId: string, selected?: RawValue) => void;
  /** The manifest's message shortcuts and the app's name, for the "…" menu. */
  shortcuts: SnapshotShortcut[];
  appName: string;
  messageShortcut: (channel: string, ts: string, callbackId: string) => void;
};

type Item = { kind: 'message'; m: SnapshotMessage } | { kind: 'ephemeral'; e: SnapshotEphemeral };

export const avatar = (u: SnapshotUser | undefined, size = 'md'): HTMLElement =>
  h(
    'div',
    { class: `avatar ${size}`, style: `background:${u?.color ?? '#888'}`, 'aria-hidden': 'true' },
    avatarText(u),
  );

const avatarText = (u: SnapshotUser | undefined) =>
  u?.role === 'bot' ? 'SD' : (u?.realName ?? '?').slice(0, 1);

const timeOf = (ts: string, zone: string) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: zone,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Number(ts) * 1000));

/** Top-level messages of `channel` and the user's ephemerals there, in the order they arrived. */
export const messageList = (channel: string, ctx: MessageContext): HTMLElement => {
  const items: Array<Item & { seq: number }> = [
    ...ctx.snap.messages
      .filter((m) => m.channel === channel && (!m.threadTs || m.threadTs === m.ts))
      .map((m) => ({ kind: 'message' as const, m, seq: m.seq })),
    ...ctx.snap.ephemerals
      .filter((e) => e.channel === channel && e.user === ctx.user && !ctx.hidden.has(e.id))
      .map((e) => ({ kind: 'ephemeral' as const, e, seq: e.seq })),
  ].sort((a, b) => a.seq - b.seq);
  if (!items.length) return h('div', { class: 'empty' }, ctx.s.noMessages);
  return h('div', { class: 'message-list' }, ...items.map((item) => renderItem(item, ctx, false)));
};

export const threadMessages = (channel: string, ts: string, ctx: MessageContext): HTMLElement[] =>
  ctx.snap.messages
    .filter((m) => m.channel === channel && (m.ts === ts || m.threadTs === ts))
    .sort((a, b) => a.seq - b.seq)
    .map((m) => renderItem({ kind: 'message', m }, ctx, true));

const renderItem = (item: Item, ctx: MessageContext, inThread: boolean): HTMLElement => {
  const { s } = ctx;
  const userId = item.kind === 'message' ? item.m.user : ctx.snap.botUserId;
  const author = ctx.snap.users.find((u) => u.id === userId);
  const isBot = author?.role === 'bot';
  const text = item.kind === 'message' ? item.m.text : item.e.text;
  const blocks = blocksOf(item.kind === 'message' ? item.m.blocks : item.e.blocks);
  const source: ActionSource =
    item.kind === 'message'
      ? { kind: 'message', channel: item.m.channel, ts: item.m.ts }
      : { kind: 'ephemeral', id: item.e.id };
  const body = blocks.length
    ? renderBlocks(blocks, { names: ctx.names, s, onAction: (b, a, sel) => ctx.action(source, b, a, sel) })
    : h('div', { class: 'bk-text', html: mrkdwn(text, ctx.names) });
  const m = item.kind === 'message' ? item.m : undefined;
  return h(
    'article',
    {
      class: `message${item.kind === 'ephemeral' ? ' ephemeral' : ''}`,
      'data-ts': m?.ts,
      'data-ephemeral': item.kind === 'ephemeral' ? item.e.id : undefined,
    },
    item.kind === 'ephemeral'
      ? h(
          'div',
          { class: 'ephemeral-note' },
          icon('eye', 14),
          s.onlyYou,
          h('button', { type: 'button', class: 'link', onclick: () => ctx.dismiss(item.e.id) }, s.dismiss),
        )
      : null,
    h(
      'div',
      { class: 'message-row' },
      avatar(author),
      h(
        'div',
        { class: 'message-main' },
        h(
          'div',
          { class: 'message-head' },
          h('span', { class: 'author' }, author?.realName ?? userId),
          isBot ? h('span', { class: 'badge' }, s.app) : null,
          m ? h('time', {}, timeOf(m.ts, ctx.snap.clock.timezone)) : null,
        ),
        body,
        m?.edited ? h('span', { class: 'edited' }, s.edited) : null,
        m && !inThread && m.replyCount > 0
          ? h(
              'button',
              { type: 'button', class: 'replies', onclick: () => ctx.openThread(m.channel, m.ts) },
              ...m.replyUsers.slice(0, 4).map((id) =>
                avatar(
                  ctx.snap.users.find((u) => u.id === id),
                  'xs',
                ),
              ),
              h('span', {}, s.replies(m.replyCount)),
            )
          : null,
      ),
      m ? hoverActions(m, ctx, inThread) : null,
    ),
  );
};

/** The toolbar over a hovered message: reply in thread (top-level messages) and "…" more actions. */
const hoverActions = (m: SnapshotMessage, ctx: MessageContext, inThread: boolean): HTMLElement | null => {
  const { s } = ctx;
  const shortcuts = ctx.shortcuts.filter((x) => x.type === 'message');
  const more = h(
    'button',
    {
      type: 'button',
      class: 'hover-more',
      title: s.moreActions,
      'aria-label': s.moreActions,
      'aria-haspopup': 'menu',
      onclick: (e: MouseEvent) => {
        e.stopPropagation();
        openMenu(
          more,
          [
            {
              title: s.messageShortcuts,
              items: shortcuts.map((x) => ({
                label: x.name,
                detail: ctx.appName,
                title: x.description,
                pick: () => ctx.messageShortcut(m.channel, m.ts, x.callbackId),
              })),
            },
          ],
          { label: s.moreActions, placement: 'below', align: 'right' },
        );
      },
    },
    icon('more'),
  );
  const canReply = !inThread && !m.threadTs;
  if (!canReply && !shortcuts.length) return null;
  return h(
    'div',
    { class: 'hover-actions' },
    canReply
      ? h(
          'button',
          {
            type: 'button',
            class: 'hover-reply',
            title: s.replyInThread,
            'aria-label': s.replyInThread,
            onclick: () => ctx.openThread(m.channel, m.ts),
          },
          icon('reply'),
        )
      : null,
    shortcuts.length ? more : null,
  );
};
