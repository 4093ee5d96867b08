/// <reference lib="dom" />
/** The left column: workspace, who you are (and switching), your channels, the app, language and reset. */
import type { Snapshot } from '../shared/types.js';
import { h } from './dom.js';
import type { Lang, Strings } from './i18n.js';
import { icon } from './icons.js';
import { avatar } from './messages.js';

export type SidebarContext = {
  snap: Snapshot;
  user: string;
  conv: string;
  lang: Lang;
  s: Strings;
  switchUser: (id: string) => void;
  open: (conv: string) => void;
  toggleLang: () => void;
  reset: () => void;
};

export const APP_CONV = 'app';

export const renderSidebar = (ctx: SidebarContext): HTMLElement[] => {
  const { snap, s, lang } = ctx;
  const me = snap.users.find((u) => u.id === ctx.user);
  const people = snap.users.filter((u) => u.role !== 'bot');
  const channels = snap.conversations.filter((c) => !c.isIm && c.members.includes(ctx.user));
  const seed = snap.seed;
  const item = (conv: string, label: HTMLElement | string, prefix: HTMLElement | string) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `nav-item${ctx.conv === conv ? ' active' : ''}`,
          'data-conv': conv,
          onclick: () => ctx.open(conv),
        },
        h('span', { class: 'nav-prefix' }, prefix),
        label,
      ),
    );
  return [
    h(
      'div',
      { class: 'workspace' },
      h('div', { class: 'workspace-name' }, 'Supporter Desk'),
      h('div', { class: 'workspace-sub' }, s.workspace),
      seed.state === 'running'
        ? h('div', { class: 'seed-note' }, s.seeding)
        : seed.state === 'done' && seed.failed > 0
          ? h('div', { class: 'seed-note', title: seed.log.join('\n') }, s.seedDone(seed.ok, seed.failed))
          : null,
    ),
    h(
      'div',
      { class: 'me' },
      avatar(me, 'lg'),
      h(
        'div',
        { class: 'me-text' },
        h('div', { class: 'me-name' }, me?.realName ?? ctx.user),
        h(
          'div',
          { class: 'me-about' },
          me?.role === 'operator' ? s.roleOperator : me ? `${s.roleSupporter} · ${me.about[lang]}` : '',
        ),
      ),
    ),
    h(
      'label',
      { class: 'switcher' },
      h('span', {}, s.switchUser),
      h(
        'select',
        {
          id: 'user-switcher',
          onchange: (e: Event) => ctx.switchUser((e.target as HTMLSelectElement).value),
        },
        ...people.map((u) => h('option', { value: u.id, selected: u.id === ctx.user }, u.realName)),
      ),
    ),
    h('div', { class: 'nav-title' }, s.channels),
    h('ul', { class: 'nav' }, ...channels.map((c) => item(c.id, c.name, '#'))),
    h('div', { class: 'nav-title' }, s.apps),
    h(
      'ul',
      { class: 'nav' },
      item(
        APP_CONV,
        'Supporter Desk',
        avatar(
          snap.users.find((u) => u.role === 'bot'),
          'xs',
        ),
      ),
    ),
    h(
      'div',
      { class: 'sidebar-foot' },
      h(
        'button',
        { type: 'button', class: 'foot-button', id: 'lang-toggle', onclick: ctx.toggleLang },
        icon('globe', 14),
        s.language,
      ),
      h(
        'button',
        { type: 'button', class: 'foot-button', id: 'reset', onclick: ctx.reset },
        icon('reset', 14),
        s.reset,
      ),
    ),
  ];
};
