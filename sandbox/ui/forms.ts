/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A modal's input blocks as form controls — plain_text_input (single/multiline), number_input, datepicker,
 * timepicker, static_select, multi_static_select, checkboxes, radio_buttons, users_select — and reading them
 * back as raw values (the server turns those into Slack's `state.values`). An input block with
 * `dispatch_action: true` sends block_actions while the user is still in the modal
 * (https://api.slack.com/reference/block-kit/blocks#input): a text input on the triggers its
 * `dispatch_action_config.trigger_actions_on` names (default `on_enter_pressed`,
 * https://api.slack.com/reference/block-kit/composition-objects#dispatch_action_config), any other
 * element as soon as something is picked.
 */

import { actionIdOf, blockIdOf, isBlock } from '../shared/ids.js';
import type { Block, RawValue, RawValues, SnapshotUser } from '../shared/types.js';
import { optionList } from './blockkit.js';
import { h, plain } from './dom.js';
import type { Strings } from './i18n.js';
import { plainHtml } from './mrkdwn.js';

const initial = (el: Block): string[] => {
  const one = (o: unknown) =>
    o && typeof o === 'object' ? String((o as { value?: unknown }).value ?? '') : undefined;
  if (Array.isArray(el.initial_options)) return el.initial_options.map((o) => one(o) ?? '');
  if (Array.isArray(el.initial_users)) return el.initial_users.map(String);
  const v =
    one(el.initial_option) ?? el.initial_value ?? el.initial_date ?? el.initial_time ?? el.initial_user;
  return v === undefined || v === null ? [] : [String(v)];
};

/** One control; `kept` are the values it had before a re-render (views.update keeps what was typed). */
const control = (
  el: Block,
  blockId: string,
  actionId: string,
  users: SnapshotUser[],
  s: Strings,
  kept?: RawValue,
) => {
  const values = kept === undefined ? initial(el) : Array.isArray(kept) ? kept : kept === null ? [] : [kept];
  const first = values[0] ?? '';
  const data = {
    'data-block': blockId,
    'data-action': actionId,
    'data-kind': el.type,
    name: `${blockId}.${actionId}`,
  };
  const placeholder = plain(el.placeholder);
  switch (el.type) {
    case 'plain_text_input':
      return el.multiline
        ? h('textarea', { ...data, class: 'bk-input', rows: 4, placeholder, value: first })
        : h('input', { ...data, class: 'bk-input', type: 'text', placeholder, value: first });
    case 'number_input':
      return h('input', {
        ...data,
        class: 'bk-input',
        type: 'number',
        step: el.is_decimal_allowed ? 'any' : '1',
        value: first,
      });
    case 'datepicker':
      return h('input', { ...data, class: 'bk-input', type: 'date', value: first });
    case 'timepicker':
      return h('input', { ...data, class: 'bk-input', type: 'time', value: first });
    case 'static_select':
    case 'users_select': {
      const options =
        el.type === 'users_select' ? users.map((u) => ({ value: u.id, label: u.realName })) : optionList(el);
      return h(
        'select',
        { ...data, class: 'bk-input' },
        h('option', { value: '', selected: !first }, placeholder || s.choose),
        ...options.map((o) => h('option', { value: o.value, selected: values.includes(o.value) }, o.label)),
      );
    }
    case 'multi_static_select':
    case 'multi_users_select': {
      // Slack shows chosen items as removable chips; toggle chips are the small, honest equivalent.
      const options =
        el.type === 'multi_users_select'
          ? users.map((u) => ({ value: u.id, label: u.realName }))
          : optionList(el);
      return h(
        'div',
        { ...data, class: 'bk-chips', role: 'group' },
        ...options.map((o) =>
          h(
            'label',
            { class: 'bk-chip' },
            h('input', { type: 'checkbox', value: o.value, checked: values.includes(o.value) }),
            h('span', { class: 'bk-chip-label' }, o.label),
          ),
        ),
      );
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const type = el.type === 'checkboxes' ? 'checkbox' : 'radio';
      return h(
        'div',
        { ...data, class: 'bk-choices' },
        ...optionList(el).map((o) =>
          h(
            'label',
            { class: 'bk-choice' },
            h('input', {
              type,
              name: `${blockId}.${actionId}`,
              value: o.value,
              checked: values.includes(o.value),
            }),
            h('span', {}, o.label, o.description ? h('small', {}, o.description) : null),
          ),
        ),
      );
    }
    default:
      return h('div', { class: 'bk-unsupported' }, `[${el.type}]`);
  }
};

export type FormContext = {
  users: SnapshotUser[];
  s: Strings;
  kept: RawValues;
  errors: Record<string, string>;
  /** Sends block_actions for an input block with dispatch_action (its block_id and action_id). */
  dispatch?: (blockId: string, actionId: string) => void;
};

const TEXT_INPUTS = new Set(['plain_text_input', 'number_input', 'email_text_input', 'url_text_input']);

const triggersOf = (el: Block): string[] => {
  const config = el.dispatch_action_config as { trigger_actions_on?: unknown } | undefined;
  return Array.isArray(config?.trigger_actions_on)
    ? config.trigger_actions_on.map(String)
    : ['on_enter_pressed'];
};

/**
 * Wires a control to `fire` as Slack's client dispatches. "A character entered (or removed)": every input
 * event, but not while an IME is still converting (the converted text counts once it is committed).
 * `on_enter_pressed` is Enter in a one-line input (instead of submitting the modal); in a multiline one
 * Enter types a newline, so it never dispatches there.
 */
const wireDispatch = (node: HTMLElement, el: Block, fire: () => void): void => {
  if (!TEXT_INPUTS.has(el.type)) {
    node.addEventListener('change', fire);
    return;
  }
  const triggers = triggersOf(el);
  if (triggers.includes('on_character_entered')) {
    node.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) fire();
    });
    node.addEventListener('compositionend', fire);
  }
  if (triggers.includes('on_enter_pressed') && !(node instanceof HTMLTextAreaElement)) {
    node.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      fire();
    });
  }
};

export const inputBlock = (block: Block, blockId: string, ctx: FormContext): HTMLElement => {
  const el = isBlock(block.element) ? block.element : undefined;
  const actionId = el ? actionIdOf(el, 0) : '';
  const error = ctx.errors[blockId];
  const field = el ? control(el, blockId, actionId, ctx.users, ctx.s, ctx.kept[blockId]?.[actionId]) : null;
  const dispatch = ctx.dispatch;
  if (el && field && dispatch && block.dispatch_action === true) {
    wireDispatch(field, el, () => dispatch(blockId, actionId));
  }
  return h(
    'div',
    { class: `bk-input-block${error ? ' has-error' : ''}`, 'data-block-id': blockId },
    h(
      'label',
      { class: 'bk-label' },
      plain(block.label),
      block.optional ? h('span', { class: 'optional' }, ` ${ctx.s.optional}`) : null,
    ),
    field,
    block.hint ? h('div', { class: 'bk-hint', html: plainHtml(plain(block.hint)) }) : null,
    error ? h('div', { class: 'bk-error', role: 'alert' }, error) : null,
  );
};

/** Every control's current value, keyed like Slack's state: block_id → action_id → raw value. */
export const readValues = (root: Element): RawValues => {
  const values: RawValues = {};
  for (const node of root.querySelectorAll<HTMLElement>('[data-kind]')) {
    const blockId = node.dataset.block ?? '';
    const actionId = node.dataset.action ?? '';
    values[blockId] ??= {};
    values[blockId][actionId] = readOne(node);
  }
  return values;
};

const readOne = (node: HTMLElement): RawValue => {
  if (node instanceof HTMLSelectElement) {
    return node.value === '' ? null : node.value;
  }
  if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)
    return node.value === '' ? null : node.value;
  const checked = [...node.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  const kind = node.dataset.kind ?? '';
  return kind === 'checkboxes' || kind.startsWith('multi_') ? checked : (checked[0] ?? null);
};

/** Slack's client refuses to submit a modal with an empty required input; so does the sandbox. */
export const requiredErrors = (
  blocks: Block[],
  values: RawValues,
  message: string,
): Record<string, string> => {
  const errors: Record<string, string> = {};
  blocks.forEach((block, index) => {
    if (block.type !== 'input' || block.optional === true || !isBlock(block.element)) return;
    const blockId = blockIdOf(block, index);
    const value = values[blockId]?.[actionIdOf(block.element, 0)];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
      errors[blockId] = message;
    }
  });
  return errors;
};
