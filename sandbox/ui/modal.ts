/// <reference lib="dom" />
/**
 * The top modal of the current user's stack (views.open / push / update), drawn as a form. Submitting sends
 * a view_submission; the app's `response_action: errors` comes back as messages under the fields.
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

  constructor(private readonly root: HTMLElement) {}

  /** Shows the top of `stack` (or nothing); re-draws only when the view itself changed. */
  update(stack: SnapshotView[] | undefined, deps: ModalDeps): void {
    const top = stack?.at(-1);
    const key = top ? `${deps.user}|${top.id}|${JSON.stringify(top.view)}|${deps.s.submit}` : '';
    this.deps = deps;
    if (key === this.shownKey) return;
    const kept = top && this.view?.id === top.id ? readValues(this.root) : {};
    if (top?.id !== this.view?.id) this.errors = {};
    this.shownKey = key;
    this.view = top;
    if (!top) {
      this.root.hidden = true;
      fill(this.root);
      return;
    }
    this.draw(top, deps, kept);
  }

  private draw(top: SnapshotView, deps: ModalDeps, kept: RawValues): void {
    const { s } = deps;
    const v = top.view;
    const body = renderBlocks(blocksOf(v.blocks), {
      names: deps.names,
      s,
      onAction: (blockId, actionId, selected) => void this.action(blockId, actionId, selected),
      input: (block, blockId) =>
        inputBlock(block, blockId, { users: deps.users, s, kept, errors: this.errors }),
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
    form.querySelector<HTMLElement>('input, textarea, select')?.focus();
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
