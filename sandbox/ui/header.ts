/// <reference lib="dom" />
/**
 * The bar above the messages: the channel (or the app with its Home / Messages tabs), the calendar-feed
 * button and the tools button.
 */
import type { Snapshot } from '../shared/types.js';
import { h } from './dom.js';
import type { Strings } from './i18n.js';
import { icon } from './icons.js';
import { APP_CONV } from './sidebar.js';

export type Tab = 'home' | 'messages';

export type HeaderContext = {
  snap: Snapshot;
  conv: string;
  tab: Tab;
  toolsOpen: boolean;
  calendarOpen: boolean;
  s: Strings;
  setTab: (tab: Tab) => void;
  toggleTools: () => void;
  toggleCalendar: () => void;
};

export const renderHeader = (ctx: HeaderContext): HTMLElement[] => {
  const { snap, s } = ctx;
  const conv = snap.conversations.find((c) => c.id === ctx.conv);
  const tab = (t: Tab, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: `tab${ctx.tab === t ? ' active' : ''}`,
        'data-tab': t,
        onclick: () => ctx.setTab(t),
      },
      label,
    );
  const title =
    ctx.conv === APP_CONV
      ? h(
          'div',
          { class: 'title' },
          h('h1', {}, 'Supporter Desk'),
          h('nav', { class: 'tabs' }, tab('home', s.home), tab('messages', s.messagesTab)),
        )
      : h(
          'div',
          { class: 'title' },
          h('h1', {}, `# ${conv?.name ?? ctx.conv}`),
          h('span', { class: 'members' }, icon('person', 14), String(conv?.members.length ?? 0)),
        );
  const clockLabel = snap.clock.real
    ? null
    : h(
        'span',
        { class: 'shifted-clock' },
        new Date(snap.clock.now).toLocaleString(undefined, {
          timeZone: snap.clock.timezone,
          dateStyle: 'medium',
          timeStyle: 'short',
        }),
      );
  return [
    title,
    h(
      'div',
      { class: 'header-buttons' },
      h(
        'button',
        {
          type: 'button',
          id: 'calendar-button',
          class: `btn${ctx.calendarOpen ? ' active' : ''}`,
          onclick: ctx.toggleCalendar,
        },
        icon('calendar'),
        s.calendar,
      ),
      toolsButton(ctx, clockLabel),
    ),
  ];
};

const toolsButton = (ctx: HeaderContext, clockLabel: HTMLElement | null) => {
  const { snap, s } = ctx;
  return h(
    'button',
    {
      type: 'button',
      id: 'tools-button',
      class: `btn${ctx.toolsOpen ? ' active' : ''}${snap.clock.real ? '' : ' shifted'}`,
      onclick: ctx.toggleTools,
    },
    icon('clock'),
    s.tools,
    clockLabel,
  );
};
