/**
 * Modal stacks per user. The fake records views.open/push/update in its state but not which views are
 * stacked for whom; this follows its calls (views.open starts a stack, views.push adds to it) and applies
 * a view_submission's `response_action` (errors, update, push, clear; none closes the top view).
 */
import type { FakeSlack, RecordedCall } from '../emulator/server.js';
import type { SnapshotView } from './shared/types.js';

export type SubmissionOutcome =
  | { ok: true; closed: boolean }
  | { ok: false; errors?: Record<string, string>; error?: string };

export class ModalStacks {
  constructor(
    private readonly fake: FakeSlack,
    /** user id → view ids, bottom first. Owned by the caller so it can be saved. */
    readonly stacks: Record<string, string[]>,
  ) {
    fake.on('call', (call: RecordedCall) => this.onCall(call));
  }

  private onCall(call: RecordedCall): void {
    if (!call.ok || (call.method !== 'views.open' && call.method !== 'views.push')) return;
    // The fake stores the new view last in its map, synchronously, just before recording the call.
    const created = [...this.fake.state.views.values()].at(-1);
    if (created?.kind !== 'modal') return;
    const stack = call.method === 'views.open' ? [] : (this.stacks[created.user] ?? []);
    this.stacks[created.user] = [...stack.filter((id) => id !== created.id), created.id];
  }

  of(user: string): SnapshotView[] {
    return (this.stacks[user] ?? []).flatMap((id) => {
      const v = this.fake.state.views.get(id);
      return v ? [{ id, view: v.view }] : [];
    });
  }

  /** The view under `viewId` in its user's stack (for previous_view_id), and the stack's root. */
  position(user: string, viewId: string): { root: string; previous: string | null } {
    const stack = this.stacks[user] ?? [viewId];
    const i = stack.indexOf(viewId);
    return { root: stack[0] ?? viewId, previous: i > 0 ? (stack[i - 1] ?? null) : null };
  }

  /** Closes `viewId` and everything pushed above it (or the whole stack with `all`). */
  close(user: string, viewId: string, all = false): void {
    const stack = this.stacks[user] ?? [];
    const from = all ? 0 : stack.indexOf(viewId);
    if (from < 0) return;
    for (const id of stack.slice(from)) this.fake.state.views.delete(id);
    const rest = stack.slice(0, from);
    if (rest.length) this.stacks[user] = rest;
    else delete this.stacks[user];
    this.fake.emit('change');
  }

  /** Applies the app's HTTP answer to a view_submission. */
  applyResponse(user: string, viewId: string, status: number, json: unknown): SubmissionOutcome {
    if (status !== 200) return { ok: false, error: `HTTP ${status}` };
    const body = (json ?? {}) as {
      response_action?: string;
      errors?: Record<string, string>;
      view?: unknown;
    };
    switch (body.response_action) {
      case 'errors':
        return { ok: false, errors: body.errors ?? {} };
      case 'update': {
        const existing = this.fake.state.views.get(viewId);
        if (existing && isView(body.view)) existing.view = body.view;
        this.fake.emit('change');
        return { ok: true, closed: false };
      }
      case 'push': {
        if (isView(body.view)) {
          const id = this.fake.state.nextId('V');
          this.fake.state.views.set(id, { id, user, view: body.view, kind: 'modal' });
          this.stacks[user] = [...(this.stacks[user] ?? []), id];
        }
        this.fake.emit('change');
        return { ok: true, closed: false };
      }
      case 'clear':
        this.close(user, viewId, true);
        return { ok: true, closed: true };
      default:
        this.close(user, viewId);
        return { ok: true, closed: true };
    }
  }
}

const isView = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
