/// <reference lib="dom" />
/**
 * Block Kit → DOM for messages, the Home tab and modals: header, section (text, fields, accessory),
 * context, divider, actions, image, rich_text; input blocks are drawn by the modal (forms.ts).
 */
import { actionIdOf, blockIdOf, isBlock } from '../shared/ids.js';
import type { Block, RawValue } from '../shared/types.js';
import { h, plain } from './dom.js';
import type { Strings } from './i18n.js';
import { mrkdwn, type Names, plainHtml, textHtml } from './mrkdwn.js';

export type BlockContext = {
  names: Names;
  s: Strings;
  /** A click or a choice on an interactive element. */
  onAction: (blockId: string, actionId: string, selected?: RawValue) => void;
  /** Draws an input block (modals only). */
  input?: (block: Block, blockId: string) => HTMLElement;
};

export const renderBlocks = (blocks: Block[], ctx: BlockContext): HTMLElement =>
  h('div', { class: 'blocks' }, ...blocks.map((b, i) => renderBlock(b, blockIdOf(b, i), ctx)));

const text = (t: unknown, ctx: BlockContext, cls = 'bk-text') =>
  h('div', { class: cls, html: textHtml(t, ctx.names) });

const renderBlock = (block: Block, blockId: string, ctx: BlockContext): HTMLElement => {
  switch (block.type) {
    case 'header':
      return h('div', { class: 'bk-header', html: plainHtml(plain(block.text)) });
    case 'section': {
      const fields = Array.isArray(block.fields) ? block.fields : [];
      const accessory = isBlock(block.accessory) ? block.accessory : undefined;
      return h(
        'div',
        { class: 'bk-section' },
        h(
          'div',
          { class: 'bk-section-main' },
          block.text ? text(block.text, ctx) : null,
          fields.length
            ? h('div', { class: 'bk-fields' }, ...fields.map((f) => text(f, ctx, 'bk-field')))
            : null,
        ),
        accessory
          ? h('div', { class: 'bk-accessory' }, element(accessory, blockId, actionIdOf(accessory, 0), ctx))
          : null,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'bk-context' },
        ...(Array.isArray(block.elements) ? block.elements : []).map((e) =>
          isBlock(e) && e.type === 'image'
            ? h('img', {
                class: 'bk-context-img',
                src: String(e.image_url ?? ''),
                alt: String(e.alt_text ?? ''),
              })
            : h('span', { html: textHtml(e, ctx.names) }),
        ),
      );
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'actions':
      return h(
        'div',
        { class: 'bk-actions' },
        ...(Array.isArray(block.elements) ? block.elements.filter(isBlock) : []).map((e, i) =>
          element(e, blockId, actionIdOf(e, i), ctx),
        ),
      );
    case 'image':
      return h(
        'figure',
        { class: 'bk-image' },
        block.title ? h('figcaption', {}, plain(block.title)) : null,
        h('img', { src: String(block.image_url ?? ''), alt: String(block.alt_text ?? '') }),
      );
    case 'input':
      return ctx.input
        ? ctx.input(block, blockId)
        : h('div', { class: 'bk-unsupported' }, `[input ${blockId}]`);
    case 'rich_text':
      return h('div', { class: 'bk-text', html: richText(block, ctx.names) });
    default:
      return h('div', { class: 'bk-unsupported' }, `[${block.type}]`);
  }
};

/** An interactive element inside a message, the Home tab, or a modal's actions block. */
export const element = (el: Block, blockId: string, actionId: string, ctx: BlockContext): HTMLElement => {
  const act = (selected?: RawValue) => ctx.onAction(blockId, actionId, selected);
  const data = { 'data-block': blockId, 'data-action': actionId };
  switch (el.type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` ${el.style}` : '';
      return h(
        'button',
        {
          ...data,
          type: 'button',
          class: `bk-button${style}`,
          onclick: (e: Event) => {
            const button = e.currentTarget as HTMLButtonElement;
            button.classList.add('busy');
            if (typeof el.url === 'string') window.open(el.url, '_blank', 'noopener');
            act();
          },
        },
        plain(el.text),
      );
    }
    case 'static_select':
    case 'overflow': {
      const options = optionList(el);
      const placeholder = el.type === 'overflow' ? '⋯' : plain(el.placeholder) || ctx.s.choose;
      return h(
        'select',
        {
          ...data,
          class: `bk-select ${el.type}`,
          onchange: (e: Event) => act((e.target as HTMLSelectElement).value),
        },
        h('option', { value: '', disabled: true, selected: true }, placeholder),
        ...options.map((o) => h('option', { value: o.value }, o.label)),
      );
    }
    case 'datepicker':
    case 'timepicker':
      return h('input', {
        ...data,
        class: 'bk-input',
        type: el.type === 'datepicker' ? 'date' : 'time',
        value: String(el.initial_date ?? el.initial_time ?? ''),
        onchange: (e: Event) => act((e.target as HTMLInputElement).value || null),
      });
    case 'image':
      return h('img', {
        class: 'bk-accessory-img',
        src: String(el.image_url ?? ''),
        alt: String(el.alt_text ?? ''),
      });
    default:
      return h('span', { class: 'bk-unsupported' }, `[${el.type}]`);
  }
};

export type OptionItem = { value: string; label: string; description?: string };

export const optionList = (el: Block): OptionItem[] => {
  const toItem = (o: unknown): OptionItem => {
    const opt = o as { value?: unknown; text?: unknown; description?: unknown };
    return {
      value: String(opt.value ?? ''),
      label: plain(opt.text),
      ...(opt.description ? { description: plain(opt.description) } : {}),
    };
  };
  const groups = Array.isArray(el.option_groups) ? (el.option_groups as Array<{ options?: unknown[] }>) : [];
  return [...(Array.isArray(el.options) ? el.options : []), ...groups.flatMap((g) => g.options ?? [])].map(
    toItem,
  );
};

type RichElement = {
  type: string;
  text?: string;
  url?: string;
  user_id?: string;
  channel_id?: string;
  name?: string;
  elements?: RichElement[];
  style?: Record<string, boolean>;
};

const richText = (block: Block, names: Names): string => {
  const inline = (e: RichElement): string => {
    switch (e.type) {
      case 'text': {
        let s = plainHtml(e.text ?? '', false);
        if (e.style?.code) s = `<code>${s}</code>`;
        if (e.style?.bold) s = `<b>${s}</b>`;
        if (e.style?.italic) s = `<i>${s}</i>`;
        if (e.style?.strike) s = `<s>${s}</s>`;
        return s;
      }
      case 'link':
        return mrkdwn(`<${e.url ?? ''}|${e.text ?? e.url ?? ''}>`, names);
      case 'user':
        return mrkdwn(`<@${e.user_id ?? ''}>`, names);
      case 'channel':
        return mrkdwn(`<#${e.channel_id ?? ''}>`, names);
      case 'emoji':
        return mrkdwn(`:${e.name ?? ''}:`, names);
      default:
        return (e.elements ?? []).map(inline).join('');
    }
  };
  const part = (e: RichElement): string => {
    const inner = (e.elements ?? [])
      .map(e.type === 'rich_text_list' ? (x) => `<li>${part(x)}</li>` : inline)
      .join('');
    if (e.type === 'rich_text_list') return `<ul>${inner}</ul>`;
    if (e.type === 'rich_text_preformatted') return `<pre>${inner}</pre>`;
    if (e.type === 'rich_text_quote') return `<blockquote>${inner}</blockquote>`;
    return inner;
  };
  return ((block.elements as RichElement[] | undefined) ?? []).map(part).join('');
};
