/// <reference lib="dom" />
/**
 * The top modal of the current user's stack (views.open / push / update), drawn as a form. Submitting sends
 * a view_submission; the app's `response_action: errors` comes back as messages under the fields. Inputs
 * with dispatch_action send block_actions as the user types or picks (forms.ts); the app's views.update
 * then re-draws the modal in place, keeping what was typed, the focused field and its caret — but never
 * in the middle of an IME conversion (it is drawn once the text is committed).
 */

import { blocksOf } from '../shared/ids.js';
import type {
  RawValue,
  RawValues,
  SnapshotUser,
  SnapshotView,
  ViewSubmissionResult,
} from '../shared/types.js';
import { post } from './api.js';
import { renderBlocks } from './blockkit.js';
import { fill, h, plain } from './dom.js';
import { inputBlock, readValues, requiredErrors } from './forms.js';
import type { Strings } from './i18n.js';
import { icon } from './icons.js';
import type { Names } from './mrkdwn.js';

export type ModalDeps = {
  user: string;
  users: SnapshotUser[];
  names: Names;
  s: Strings;
  onError: (e: unknown) => void;
};

export class Modal {
  private shownKey = '';
  private errors: Record<string, string> = {};
  private view: SnapshotView | undefined;
  private deps: ModalDeps | undefined;
  private busy = false;
  private composing = false;
  private deferred: [SnapshotView[] | undefined, ModalDeps] | undefined;

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('compositionstart', () => (this.composing = true));
    root.addEventListener('compositionend', () => {
      this.composing = false;
      const later = this.deferred;
      this.deferred = undefined;
      if (later) setTimeout(() => this.update(...later), 0);
    });
  }

  /** Shows the top of `stack` (or nothing); re-draws only when the view itself changed. */
  update(stack: SnapshotView[] | undefined, deps: ModalDeps): void {
    const top = stack?.at(-1);
    const key = top ? `${deps.user}|${top.id}|${JSON.stringify(top.view)}|${deps.s.submit}` : '';
    this.deps = deps;
    if (key === this.shownKey) return;
    const same = top !== undefined && this.view?.id === top.id;
    if (same && this.composing) {
      this.deferred = [stack, deps];
      return;
    }
    const kept = same ? readValues(this.root) : {};
    const focus = same ? focusOf(this.root) : undefined;
    if (!same) this.errors = {};
    this.shownKey = key;
    this.view = top;
    if (!top) {
      this.root.hidden = true;
      fill(this.root);
      return;
    }
    this.draw(top, deps, kept, focus);
  }

  private draw(top: SnapshotView, deps: ModalDeps, kept: RawValues, focus?: Focus): void {
    const { s } = deps;
    const v = top.view;
    const body = renderBlocks(blocksOf(v.blocks), {
      names: deps.names,
      s,
      onAction: (blockId, actionId, selected) => void this.action(blockId, actionId, selected),
      input: (block, blockId) =>
        inputBlock(block, blockId, {
          users: deps.users,
          s,
          kept,
          errors: this.errors,
          dispatch: (b, a) => void this.action(b, a, readValues(this.root)[b]?.[a] ?? null),
        }),
    });
    const form = h(
      'form',
      {
        class: 'modal',
        role: 'dialog',
        'aria-label': plain(v.title),
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit();
        },
      },
      h(
        'header',
        { class: 'modal-head' },
        h('h2', {}, plain(v.title)),
        h(
          'button',
          { type: 'button', class: 'modal-x', 'aria-label': s.close, onclick: () => void this.close() },
          icon('close', 18),
        ),
      ),
      h('div', { class: 'modal-body' }, body),
      h(
        'footer',
        { class: 'modal-foot' },
        h(
          'button',
          { type: 'button', class: 'btn', onclick: () => void this.close() },
          plain(v.close) || s.cancel,
        ),
        v.submit ? h('button', { type: 'submit', class: 'btn primary' }, plain(v.submit) || s.submit) : null,
      ),
    );
    this.root.hidden = false;
    fill(this.root, form);
    if (focus) restoreFocus(form, focus);
    else form.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }

  private async submit(): Promise<void> {
    const { view, deps } = this;
    if (!view || !deps || this.busy) return;
    const values = readValues(this.root);
    const missing = requiredErrors(blocksOf(view.view.blocks), values, deps.s.required);
    if (Object.keys(missing).length) {
      this.errors = missing;
      this.draw(view, deps, values);
      return;
    }
    this.busy = true;
    try {
      const result = await post<ViewSubmissionResult>('/sandbox/api/view-submission', {
        user: deps.user,
        viewId: view.id,
        values,
      });
      if (!result.ok) {
        this.errors = result.errors ?? {};
        if (result.error) deps.onError(result.error);
        this.draw(view, deps, values);
      } else {
        this.errors = {};
      }
    } catch (err) {
      deps.onError(err);
    } finally {
      this.busy = false;
    }
  }

  private async close(): Promise<void> {
    const { view, deps } = this;
    if (!view || !deps) return;
    await post('/sandbox/api/view-close', { user: deps.user, viewId: view.id }).catch(deps.onError);
  }

  private async action(blockId: string, actionId: string, selected?: RawValue): Promise<void> {
    const { view, deps } = this;
    if (!view || !deps) return;
    await post('/sandbox/api/action', {
      user: deps.user,
      source: { kind: 'view', viewId: view.id },
      blockId,
      actionId,
      selected: selected ?? null,
      values: readValues(this.root),
    }).catch(deps.onError);
  }
}

/** The focused control of a modal, its caret and the body's scroll, to keep across a re-draw. */
type Focus = { name: string; start: number | null; end: number | null; scroll: number };

const focusOf = (root: HTMLElement): Focus | undefined => {
  const active = document.activeElement;
  const scroll = root.querySelector('.modal-body')?.scrollTop ?? 0;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return undefined;
  const name = active.getAttribute('name') ?? '';
  if (!name) return undefined;
  const text =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : undefined;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = text?.selectionStart ?? null;
    end = text?.selectionEnd ?? null;
  } catch {
    // date/time/number inputs have no selection
  }
  return { name, start, end, scroll };
};

const restoreFocus = (form: HTMLElement, f: Focus): void => {
  const body = form.querySelector('.modal-body');
  if (body) body.scrollTop = f.scroll;
  const target = [...form.querySelectorAll<HTMLElement>('[name]')].find(
    (el) => el.getAttribute('name') === f.name,
  );
  if (!target) return;
  target.focus({ preventScroll: true });
  if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && f.start !== null) {
    try {
      target.setSelectionRange(f.start, f.end ?? f.start);
    } catch {
      // not a text control
    }
  }
};
