/// <reference lib="dom" />
/**
 * The message box. Enter sends (Shift+Enter for a new line; never while an IME is converting Japanese);
 * text starting with `/` is a slash command, with the commands listed as you type.
 */
import { h } from './dom.js';
import type { Strings } from './i18n.js';
import { icon } from './icons.js';

export const COMMANDS = ['/slots', '/consult', '/supporter'];

export type Outgoing = { kind: 'command'; command: string; text: string } | { kind: 'message'; text: string };

/** `/slots add 12/3 19:00` → command + text; anything else is a message. */
export const parseInput = (raw: string): Outgoing | undefined => {
  const text = raw.trim();
  if (!text) return undefined;
  const match = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (match) return { kind: 'command', command: match[1]!.toLowerCase(), text: (match[2] ?? '').trim() };
  return { kind: 'message', text };
};

export class Composer {
  readonly el: HTMLElement;
  private readonly box: HTMLTextAreaElement;
  private readonly menu: HTMLElement;
  private strings: Strings;

  constructor(
    name: string,
    strings: Strings,
    private readonly send: (out: Outgoing) => Promise<boolean>,
  ) {
    this.strings = strings;
    this.box = h('textarea', {
      class: 'composer-input',
      rows: 1,
      name,
      'aria-label': name,
      oninput: () => this.changed(),
      onkeydown: (e: KeyboardEvent) => this.key(e),
    });
    this.menu = h('ul', { class: 'command-menu', hidden: true, role: 'listbox' });
    this.el = h(
      'div',
      { class: 'composer' },
      this.menu,
      h(
        'div',
        { class: 'composer-box' },
        this.box,
        h(
          'button',
          { type: 'button', class: 'send', 'aria-label': 'send', onclick: () => void this.submit() },
          icon('send'),
        ),
      ),
    );
  }

  setup(placeholder: string, strings: Strings): void {
    this.box.placeholder = placeholder;
    this.strings = strings;
  }

  focus(): void {
    this.box.focus();
  }

  private key(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    // Enter on a partly typed command completes it (like Slack); on a whole one it sends.
    const first = this.menu.hidden ? undefined : this.menu.querySelector<HTMLElement>('li');
    if (first && !COMMANDS.includes(this.box.value.trim())) first.click();
    else void this.submit();
  }

  private changed(): void {
    this.box.style.height = 'auto';
    this.box.style.height = `${Math.min(this.box.scrollHeight, 200)}px`;
    const word = /^\/\S*$/.exec(this.box.value)?.[0];
    const matches = word ? COMMANDS.filter((c) => c.startsWith(word)) : [];
    this.menu.hidden = matches.length === 0;
    this.menu.replaceChildren(
      ...matches.map((c) =>
        h(
          'li',
          {
            role: 'option',
            onclick: () => {
              this.box.value = `${c} `;
              this.changed();
              this.box.focus();
            },
          },
          h('b', {}, c),
          h('span', {}, this.strings.commandAbout[c] ?? ''),
        ),
      ),
    );
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
