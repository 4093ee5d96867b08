/// <reference lib="dom" />
/**
 * Running one of the app's Workflow Builder steps from the composer's "+": the sandbox's own form (standing
 * in for the step's configuration in Workflow Builder, drawn like a modal with the same input controls)
 * asks for each input — its title as the label, its hint as the placeholder, required ones marked, user
 * inputs starting at the acting user. Run → the server runs the step as that user and answers with its
 * completion: the outputs as a "ワークフロー: … ✓" card, or the step's error (what Slackbot tells the user).
 */

import type {
  Block,
  RawValues,
  SnapshotStep,
  SnapshotStepParameter,
  SnapshotUser,
  StepRunResult,
} from '../shared/types.js';
import { post } from './api.js';
import { fill, h } from './dom.js';
import { inputBlock, readValues, requiredErrors } from './forms.js';
import type { Strings } from './i18n.js';
import { icon } from './icons.js';
import type { MenuSection } from './menu.js';

export type StepFormDeps = { user: string; users: SnapshotUser[]; s: Strings; onError: (e: unknown) => void };

const ACTION = 'value';
const text = (t: string) => ({ type: 'plain_text', text: t });

/** One input parameter as an input block: user ids pick a person, numbers a number, the rest text. */
const inputFor = (p: SnapshotStepParameter, user: string, s: Strings): Block => {
  const element: Block =
    p.type === 'slack#/types/user_id'
      ? { type: 'users_select', action_id: ACTION, initial_user: user }
      : p.type === 'integer' || p.type === 'number'
        ? { type: 'number_input', action_id: ACTION, is_decimal_allowed: p.type === 'number' }
        : { type: 'plain_text_input', action_id: ACTION, ...(p.hint ? { placeholder: text(p.hint) } : {}) };
  return {
    type: 'input',
    block_id: p.name,
    optional: !p.required,
    label: text(p.required ? `${p.title} ${s.requiredMark}` : p.title),
    ...(p.description ? { hint: text(p.description) } : {}),
    element,
  };
};

/** The "+" menu's section of steps, by their manifest titles. */
export const stepsSection = (
  steps: SnapshotStep[],
  s: Strings,
  appName: string,
  open: (step: SnapshotStep) => void,
): MenuSection => ({
  title: s.workflowSteps,
  items: steps.map((step) => ({
    label: step.title,
    detail: appName,
    title: step.description,
    pick: () => open(step),
  })),
});

export class StepForm {
  private step: SnapshotStep | undefined;
  private deps: StepFormDeps | undefined;
  private result: StepRunResult | undefined;
  private errors: Record<string, string> = {};
  private busy = false;

  constructor(private readonly root: HTMLElement) {}

  open(step: SnapshotStep, deps: StepFormDeps): void {
    this.step = step;
    this.deps = deps;
    this.result = undefined;
    this.errors = {};
    this.draw({});
  }

  close(): void {
    this.step = undefined;
    this.root.hidden = true;
    fill(this.root);
  }

  private blocks(): Block[] {
    const { step, deps } = this;
    return step && deps ? step.inputs.map((p) => inputFor(p, deps.user, deps.s)) : [];
  }

  private draw(kept: RawValues): void {
    const { step, deps } = this;
    if (!step || !deps) return;
    const { s } = deps;
    const done = this.result?.kind === 'success';
    const body = done
      ? [this.resultCard(step, s)]
      : [
          h('p', { class: 'step-note' }, s.stepFormNote),
          this.result ? this.resultCard(step, s) : null,
          ...this.blocks().map((b) =>
            inputBlock(b, String(b.block_id), { users: deps.users, s, kept, errors: this.errors }),
          ),
        ];
    const cancel = h('button', { type: 'button', class: 'btn', onclick: () => this.close() }, s.close);
    const run = h(
      'button',
      { type: 'submit', class: 'btn primary', disabled: this.busy },
      this.busy ? s.stepRunning : s.runStep,
    );
    const form = h(
      'form',
      {
        class: 'modal step-form',
        role: 'dialog',
        'aria-label': step.title,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit();
        },
        onkeydown: (e: KeyboardEvent) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          this.close();
        },
      },
      h(
        'header',
        { class: 'modal-head' },
        h('h2', {}, step.title),
        h(
          'button',
          { type: 'button', class: 'modal-x', 'aria-label': s.close, onclick: () => this.close() },
          icon('close', 18),
        ),
      ),
      h('div', { class: 'modal-body' }, ...body),
      h('footer', { class: 'modal-foot' }, cancel, done ? null : run),
    );
    this.root.hidden = false;
    fill(this.root, form);
    if (!this.busy) form.querySelector<HTMLElement>(done ? '.btn' : 'input, textarea, select')?.focus();
  }

  /** success: each declared output's name, title and value; error: the step's error text. */
  private resultCard(step: SnapshotStep, s: Strings): HTMLElement {
    const r = this.result!;
    if (r.kind === 'error') {
      return h(
        'div',
        { class: 'step-result error', role: 'alert' },
        h('div', { class: 'step-result-title' }, s.stepFailed),
        h('div', { class: 'step-error' }, r.error),
      );
    }
    const titles = new Map(step.outputs.map((o) => [o.name, o.title]));
    return h(
      'div',
      { class: 'step-result success', role: 'status' },
      h('div', { class: 'step-result-title' }, `${s.stepWorkflow(step.title)} ✓`),
      h(
        'dl',
        { class: 'step-outputs' },
        ...Object.entries(r.outputs).map(([name, value]) =>
          h(
            'div',
            { class: 'step-output', 'data-output': name },
            h('dt', {}, h('code', {}, name), h('small', {}, ` ${titles.get(name) ?? ''}`)),
            h('dd', {}, value === '' || value === null ? '—' : String(value)),
          ),
        ),
      ),
    );
  }

  private async submit(): Promise<void> {
    const { step, deps } = this;
    if (!step || !deps || this.busy) return;
    const values = readValues(this.root);
    this.errors = requiredErrors(this.blocks(), values, deps.s.required);
    if (Object.keys(this.errors).length) {
      this.draw(values);
      return;
    }
    const inputs = Object.fromEntries(
      Object.entries(values).flatMap(([name, v]) =>
        typeof v[ACTION] === 'string' ? [[name, v[ACTION] as string]] : [],
      ),
    );
    this.busy = true;
    this.draw(values);
    try {
      this.result = await post<StepRunResult>('/sandbox/api/step', {
        user: deps.user,
        callbackId: step.callbackId,
        inputs,
      });
    } catch (err) {
      deps.onError(err);
    } finally {
      this.busy = false;
    }
    if (this.step === step) this.draw(values);
  }
}
