/// <reference lib="dom" />
/**
 * A pop-up menu like Slack's (a message's "…" more actions, the composer's "+"): sections of items, each
 * with a name and, on the right, the app it belongs to. It floats over the page (so a re-drawn message
 * list or a scrolled pane never cuts it off), opens below its button or above it when there is no room,
 * and closes on a pick, Escape or a click elsewhere. ↑/↓ move, Enter picks.
 */
import { h } from './dom.js';

export type MenuItem = { label: string; detail?: string; title?: string; pick: () => void };
export type MenuSection = { title: string; items: MenuItem[] };

let closeOpen: (() => void) | undefined;

export const closeMenu = (): void => closeOpen?.();

/** Opens the menu for `anchor` (closing any other); `placement` prefers above (composer) or below. */
export const openMenu = (
  anchor: HTMLElement,
  sections: MenuSection[],
  opts: { label: string; placement: 'above' | 'below'; align: 'left' | 'right' },
): HTMLElement => {
  closeMenu();
  const items: HTMLElement[] = [];
  const row = (item: MenuItem) => {
    const li = h(
      'li',
      {
        role: 'menuitem',
        tabindex: -1,
        title: item.title,
        onclick: () => {
          close();
          item.pick();
        },
      },
      h('span', { class: 'menu-label' }, item.label),
      item.detail ? h('span', { class: 'menu-detail' }, item.detail) : null,
    );
    items.push(li);
    return li;
  };
  const menu = h(
    'div',
    { class: 'popup-menu', role: 'menu', 'aria-label': opts.label },
    ...sections
      .filter((s) => s.items.length)
      .map((s) =>
        h('section', {}, h('div', { class: 'menu-title' }, s.title), h('ul', {}, ...s.items.map(row))),
      ),
  );
  document.body.append(menu);
  place(menu, anchor, opts);

  const onKey = (e: KeyboardEvent) => {
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      anchor.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1) + (at < 0 ? 1 : 0)) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Enter' && at >= 0) {
      e.preventDefault();
      items[at]?.click();
    }
  };
  const onDown = (e: MouseEvent) => {
    if (!menu.contains(e.target as Node) && !anchor.contains(e.target as Node)) close();
  };
  // Like Slack's, the menu goes away when what it belongs to scrolls away.
  const onScroll = (e: Event) => {
    if (!menu.contains(e.target as Node)) close();
  };
  const close = () => {
    menu.remove();
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('mousedown', onDown, true);
    document.removeEventListener('scroll', onScroll, true);
    window.removeEventListener('resize', close);
    anchor.setAttribute('aria-expanded', 'false');
    if (closeOpen === close) closeOpen = undefined;
  };
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('mousedown', onDown, true);
  document.addEventListener('scroll', onScroll, true);
  window.addEventListener('resize', close);
  anchor.setAttribute('aria-expanded', 'true');
  closeOpen = close;
  items[0]?.focus({ preventScroll: true });
  return menu;
};

const GAP = 6;

const place = (
  menu: HTMLElement,
  anchor: HTMLElement,
  opts: { placement: 'above' | 'below'; align: 'left' | 'right' },
) => {
  const a = anchor.getBoundingClientRect();
  const m = menu.getBoundingClientRect();
  const roomBelow = window.innerHeight - a.bottom - GAP;
  const roomAbove = a.top - GAP;
  const above =
    opts.placement === 'above'
      ? roomAbove >= m.height || roomAbove > roomBelow
      : roomBelow < m.height && roomAbove > roomBelow;
  const top = above ? a.top - GAP - m.height : a.bottom + GAP;
  const left = opts.align === 'right' ? a.right - m.width : a.left;
  menu.style.top = `${Math.max(GAP, Math.min(top, window.innerHeight - m.height - GAP))}px`;
  menu.style.left = `${Math.max(GAP, Math.min(left, window.innerWidth - m.width - GAP))}px`;
};
