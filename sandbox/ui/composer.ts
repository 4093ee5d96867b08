/// <reference lib="dom" />
/**
 * The message box. Enter sends (Shift+Enter for a new line; never while an IME is converting Japanese);
 * text starting with `/` is a slash command. As in Slack, an autocomplete lists the app's commands (from
 * manifest.yml) while you type `/…`, members after `@` and channels after `#`; ↑/↓ move, Enter or Tab
 * picks, Escape closes. The "+" on the left opens Slack's shortcuts menu (what `setup` gives it: the app's
 * global shortcuts; room for Workflow Builder steps as another section).
 */
import { h } from './dom.js';
import { icon } from './icons.js';
import { type MenuSection, openMenu } from './menu.js';
import {
  type ComposerData,
  insertionFor,
  type Suggestion,
  type Suggestions,
  suggestionsAt,
} from './suggestions.js';

export type Outgoing = { kind: 'command'; command: string; text: string } | { kind: 'message'; text: string };

/**
 * `/slots add 12/3 19:00` → command + text; anything else is a message. As in Slack, a `/` after a leading
 * space sends a message ("try preceding the "/" with an empty space"), the space dropped.
 */
export const parseInput = (raw: string): Outgoing | undefined => {
  const text = raw.trim();
  if (!text) return undefined;
  const match = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(raw.trimEnd());
  if (match) return { kind: 'command', command: match[1]!.toLowerCase(), text: (match[2] ?? '').trim() };
  return { kind: 'message', text };
};

const EMPTY: ComposerData = { commands: [], members: [], channels: [], appName: '' };

/** The "+" menu: its accessible name and its sections (empty ones are not shown). */
export type PlusMenu = { label: string; empty: string; sections: MenuSection[] };

export class Composer {
  readonly el: HTMLElement;
  private readonly box: HTMLTextAreaElement;
  private readonly menu: HTMLElement;
  private data: ComposerData = EMPTY;
  private plusMenu: PlusMenu = { label: '+', empty: '', sections: [] };
  private readonly plus: HTMLButtonElement;
  private open: Suggestions | undefined;
  private active = 0;

  constructor(
    name: string,
    private readonly send: (out: Outgoing) => Promise<boolean>,
  ) {
    this.box = h('textarea', {
      class: 'composer-input',
      rows: 1,
      name,
      'aria-label': name,
      oninput: () => this.changed(),
      onkeydown: (e: KeyboardEvent) => this.key(e),
      onblur: () => setTimeout(() => this.close(), 150),
    });
    this.menu = h('ul', { class: 'command-menu', hidden: true, role: 'listbox' });
    this.plus = h(
      'button',
      {
        type: 'button',
        class: 'composer-plus',
        'aria-haspopup': 'menu',
        onclick: () => this.openPlus(),
      },
      icon('plus', 18),
    );
    this.el = h(
      'div',
      { class: 'composer' },
      this.menu,
      h(
        'div',
        { class: 'composer-box' },
        this.plus,
        this.box,
        h(
          'button',
          { type: 'button', class: 'send', 'aria-label': 'send', onclick: () => void this.submit() },
          icon('send'),
        ),
      ),
    );
  }

  setup(placeholder: string, data: ComposerData, plus?: PlusMenu): void {
    this.box.placeholder = placeholder;
    this.data = data;
    if (plus) {
      this.plusMenu = plus;
      this.plus.title = plus.label;
      this.plus.setAttribute('aria-label', plus.label);
    }
  }

  private openPlus(): void {
    this.close();
    const { label, empty, sections } = this.plusMenu;
    const shown = sections.some((s) => s.items.length)
      ? sections
      : [{ title: label, items: [{ label: empty, pick: () => undefined }] }];
    openMenu(this.plus, shown, { label, placement: 'above', align: 'left' });
  }

  focus(): void {
    this.box.focus();
  }

  private key(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) return;
    const items = this.open?.items ?? [];
    if (items.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      this.draw();
      return;
    }
    if (items.length && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
      return;
    }
    if (items.length && e.key === 'Tab') {
      e.preventDefault();
      this.pick(items[this.active]!);
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey) return;
    e.preventDefault();
    // Enter on a partly typed name or command completes it (like Slack); on a whole command it sends.
    const chosen = items[this.active];
    const whole = chosen?.kind === 'command' && chosen.command.command === this.box.value.trim();
    if (chosen && !whole) this.pick(chosen);
    else void this.submit();
  }

  private changed(): void {
    this.box.style.height = 'auto';
    this.box.style.height = `${Math.min(this.box.scrollHeight, 200)}px`;
    this.open = suggestionsAt(this.box.value, this.box.selectionStart ?? this.box.value.length, this.data);
    this.active = 0;
    this.draw();
  }

  private close(): void {
    this.open = undefined;
    this.draw();
  }

  private pick(s: Suggestion): void {
    const open = this.open;
    if (!open) return;
    const value = this.box.value;
    const inserted = insertionFor(s);
    this.box.value = value.slice(0, open.start) + inserted + value.slice(open.end);
    const caret = open.start + inserted.length;
    this.box.setSelectionRange(caret, caret);
    this.box.focus();
    this.changed();
  }

  private draw(): void {
    const items = this.open?.items ?? [];
    this.menu.hidden = items.length === 0;
    this.menu.dataset.kind = items[0]?.kind ?? '';
    this.menu.replaceChildren(
      ...items.map((s, i) =>
        h(
          'li',
          {
            role: 'option',
            class: i === this.active ? 'active' : undefined,
            'aria-selected': i === this.active ? 'true' : 'false',
            // mousedown, not click: the textarea's blur would close the menu first.
            onmousedown: (e: MouseEvent) => {
              e.preventDefault();
              this.pick(s);
            },
          },
          ...this.row(s),
        ),
      ),
    );
  }

  /** One row as Slack draws it: command + usage hint + description + app; display name + real name; #name. */
  private row(s: Suggestion): Array<HTMLElement | string> {
    if (s.kind === 'command') {
      return [
        h(
          'div',
          { class: 'suggest-main' },
          h('b', {}, s.command.command),
          s.command.usageHint ? h('span', { class: 'suggest-hint' }, ` ${s.command.usageHint}`) : '',
          h('div', { class: 'suggest-desc' }, s.command.description),
        ),
        h('span', { class: 'suggest-app' }, s.appName),
      ];
    }
    if (s.kind === 'member') {
      return [
        h(
          'div',
          { class: 'suggest-main' },
          h('b', {}, s.member.realName || s.member.name),
          h('span', { class: 'suggest-hint' }, ` ${s.member.name}`),
        ),
      ];
    }
    return [h('div', { class: 'suggest-main' }, h('b', {}, `# ${s.channel.name}`))];
  }

  private async submit(): Promise<void> {
    const out = parseInput(this.box.value);
    if (!out) return;
    const keep = this.box.value;
    this.box.value = '';
    this.changed();
    if (!(await this.send(out))) this.box.value = keep;
  }
}
